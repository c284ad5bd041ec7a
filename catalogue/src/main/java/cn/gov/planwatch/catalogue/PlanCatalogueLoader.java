package cn.gov.planwatch.catalogue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the plan catalogue a service starts with, by the rules of {@link PlanDocuments}. Every problem found
 * is reported at once, with its line and field path, so a broken file can be fixed in one pass.
 */
public final class PlanCatalogueLoader {

    public static final String DEFAULT_LOCATION = "classpath:plans/ip-2021-2025.yaml";

    private static final String CLASSPATH_PREFIX = "classpath:";

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

    /** Reads {@code in} (the caller closes it); {@code sourceName} prefixes each problem. */
    public static PlanCatalogue load(String sourceName, InputStream in) {
        try {
            return PlanDocuments.read(in, PlanDocumentFormat.YAML);
        } catch (IOException e) {
            throw new CatalogueException(sourceName, List.of(sourceName + ": cannot read: " + e));
        } catch (InvalidPlanDocumentException e) {
            throw new CatalogueException(sourceName,
                    e.problems().stream().map(problem -> problem.describe(sourceName)).toList());
        } catch (PlanDocumentTooLargeException e) {
            throw new CatalogueException(sourceName, List.of(sourceName + ": " + e.getMessage()));
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
