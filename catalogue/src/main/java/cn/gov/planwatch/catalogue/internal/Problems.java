package cn.gov.planwatch.catalogue.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one catalogue file, each at a field path such as {@code indicators[2].unit.kind}. */
public final class Problems {

    private static final int LINE_OF_PATH = 0;

    private record Problem(String path, String message, int line) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final List<String> bindingFailurePaths = new ArrayList<>();

    /** A YAML syntax error, at the line the parser reports. */
    public void syntaxError(int line, String path, String message) {
        problems.add(new Problem(path, message, line));
    }

    /** A value that could not be bound; the value is left empty in the model. */
    public void bindingFailure(String path, String message) {
        bindingFailurePaths.add(path);
        problems.add(new Problem(path, message, LINE_OF_PATH));
    }

    /** A rule the bound model breaks. Dropped where a binding failure already explains it. */
    public void add(String path, String message) {
        if (bindingFailurePaths.stream().noneMatch(failed -> isWithin(path, failed))) {
            problems.add(new Problem(path, message, LINE_OF_PATH));
        }
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** {@code <source>:<line>: <path>: <message>}, in file order. */
    public List<String> format(String sourceName, SourcePositions positions) {
        record Located(int line, Problem problem) {
        }
        return problems.stream()
                .map(p -> new Located(p.line() == LINE_OF_PATH ? positions.lineOf(p.path()) : p.line(), p))
                .sorted(Comparator.comparingInt(Located::line))
                .map(l -> sourceName + ":" + l.line() + ": "
                        + (l.problem().path().isEmpty() ? "(document)" : l.problem().path()) + ": "
                        + l.problem().message())
                .toList();
    }

    private static boolean isWithin(String path, String ancestor) {
        return ancestor.isEmpty() || path.equals(ancestor)
                || path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
    }
}
