package cn.gov.planwatch.catalogue;

import cn.gov.planwatch.catalogue.internal.BindingProblemRecorder;
import cn.gov.planwatch.catalogue.internal.CatalogueValidator;
import cn.gov.planwatch.catalogue.internal.Problems;
import cn.gov.planwatch.catalogue.internal.SourcePositions;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a plan catalogue from YAML and validates it. Every problem found is reported at once,
 * with its line and field path, so a broken file can be fixed in one pass.
 */
public final class PlanCatalogueLoader {

    public static final String DEFAULT_LOCATION = "classpath:plans/ip-2021-2025.yaml";

    private static final String CLASSPATH_PREFIX = "classpath:";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                    DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // An absent int binds as 0; the validator reports it with its line instead of Jackson failing.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // An empty list entry ("-" alone) is reported, rather than becoming a null element.
            .changeDefaultNullHandling(nulls -> JsonSetter.Value.construct(nulls.getValueNulls(), Nulls.FAIL))
            .build();

    private PlanCatalogueLoader() {
    }

    /** Loads {@code classpath:...}, a {@code file:} URL or a filesystem path. */
    public static PlanCatalogue load(String location) {
        String sourceName = location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf(':')) + 1);
        try (InputStream in = open(location)) {
            return load(sourceName, in);
        } catch (IOException e) {
            throw new CatalogueException(sourceName, List.of(sourceName + ": cannot read " + location + ": " + e));
        }
    }

    /** Reads {@code in} to its end (the caller closes it); {@code sourceName} prefixes each problem. */
    public static PlanCatalogue load(String sourceName, InputStream in) {
        byte[] yaml;
        try {
            yaml = in.readAllBytes();
        } catch (IOException e) {
            throw new CatalogueException(sourceName, List.of(sourceName + ": cannot read: " + e));
        }
        Problems problems = new Problems();
        SourcePositions positions = SourcePositions.scan(MAPPER, yaml, problems);
        if (problems.isEmpty()) {
            PlanCatalogue catalogue = bind(yaml, problems);
            if (catalogue != null) {
                CatalogueValidator.validate(catalogue, problems);
                if (problems.isEmpty()) {
                    return catalogue;
                }
            }
        }
        throw new CatalogueException(sourceName, problems.format(sourceName, positions));
    }

    /** Binds the model, recording type errors and carrying on where Jackson can, so they are all reported. */
    private static PlanCatalogue bind(byte[] yaml, Problems problems) {
        try {
            PlanCatalogue catalogue = MAPPER.readerFor(PlanCatalogue.class)
                    .withHandler(new BindingProblemRecorder(problems))
                    .readValue(yaml);
            if (catalogue == null) {
                problems.bindingFailure("", "the document is empty");
            }
            return catalogue;
        } catch (DatabindException e) {
            problems.bindingFailure(SourcePositions.pathOf(e.getPath()), e.getOriginalMessage());
            return null;
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith(CLASSPATH_PREFIX)) {
            String resource = location.substring(CLASSPATH_PREFIX.length()).replaceFirst("^/", "");
            InputStream in = PlanCatalogueLoader.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new FileNotFoundException("not on the classpath");
            }
            return in;
        }
        Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        return Files.newInputStream(path);
    }
}
