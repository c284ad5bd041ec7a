package cn.gov.planwatch.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/security.md is the threat table a reviewer reads: every control in it must name a test that exists, so a
 * renamed or deleted test cannot leave a row claiming a proof that is gone.
 */
class SecurityDocumentTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern TEST_REFERENCE = Pattern.compile("\\b([A-Z][A-Za-z0-9]*(?:Test|IT|Tests))#([a-z][A-Za-z0-9]*)");

    @Test
    void everyRowOfTheThreatTableNamesATestThatExists() throws IOException {
        List<String> rows = Files.readAllLines(ROOT.resolve("docs/security.md")).stream()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| asset ") && !line.startsWith("|---"))
                .toList();
        Map<String, List<Path>> testSources = testSources();
        List<String> problems = new ArrayList<>();

        for (String row : rows) {
            String[] cells = row.split("(?<!\\\\)\\|");
            String testCell = cells[cells.length - 1];
            Matcher reference = TEST_REFERENCE.matcher(testCell);
            boolean any = false;
            while (reference.find()) {
                any = true;
                List<Path> sources = testSources.getOrDefault(reference.group(1), List.of());
                if (sources.isEmpty()) {
                    problems.add("no test class " + reference.group(1) + " (row: " + cells[1].strip() + ")");
                } else if (sources.stream().noneMatch(source -> declares(source, reference.group(2)))) {
                    problems.add("no method " + reference.group(1) + "#" + reference.group(2));
                }
            }
            if (!any) {
                problems.add("a row names no test: " + row);
            }
        }

        assertThat(rows).hasSizeGreaterThan(30);
        assertThat(problems).isEmpty();
    }

    private static boolean declares(Path source, String method) {
        try {
            return Pattern.compile("\\b(void|Stream<DynamicTest>) " + method + "\\(").matcher(Files.readString(source)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Test classes by simple name; several modules may have one of the same name (each service's AccessMatrixIT). */
    private static Map<String, List<Path>> testSources() throws IOException {
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.map(module -> module.resolve("src")).filter(Files::isDirectory).forEach(roots::add);
        }
        List<Path> sources = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.getFileName().toString().endsWith(".java"))
                        .filter(file -> file.toString().contains("/src/test/java/")
                                || file.toString().contains("/test-support/src/main/java/"))
                        .forEach(sources::add);
            }
        }
        return sources.stream().collect(Collectors.groupingBy(
                file -> file.getFileName().toString().replace(".java", "")));
    }
}
