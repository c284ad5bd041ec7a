package cn.gov.planwatch.catalogue.internal;

import cn.gov.planwatch.catalogue.PlanProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one plan document, each at a field path such as {@code indicators[2].unit.kind}. */
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

    /** Each problem at the line of its field (or of its nearest ancestor present), in document order. */
    public List<PlanProblem> located(SourcePositions positions) {
        return problems.stream()
                .map(p -> new PlanProblem(p.path(), p.message(),
                        p.line() == LINE_OF_PATH ? positions.lineOf(p.path()) : p.line()))
                .sorted(Comparator.comparingInt(PlanProblem::line))
                .toList();
    }

    private static boolean isWithin(String path, String ancestor) {
        return ancestor.isEmpty() || path.equals(ancestor)
                || path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
    }
}
