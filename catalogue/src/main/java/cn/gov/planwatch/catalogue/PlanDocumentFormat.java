package cn.gov.planwatch.catalogue;

import java.util.Locale;
import java.util.Optional;

/** The two forms a plan document comes in: the catalogue's own YAML, or the same fields as JSON. */
public enum PlanDocumentFormat {
    YAML,
    JSON;

    /**
     * The format a media type names ({@code application/yaml}, {@code application/json}, {@code +json},
     * {@code +yaml}, parameters such as {@code charset} ignored); empty for any other type.
     */
    public static Optional<PlanDocumentFormat> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json")) {
            return Optional.of(JSON);
        }
        if (type.equals("application/yaml") || type.equals("application/x-yaml") || type.equals("text/yaml")
                || type.startsWith("application/") && type.endsWith("+yaml")) {
            return Optional.of(YAML);
        }
        return Optional.empty();
    }
}
