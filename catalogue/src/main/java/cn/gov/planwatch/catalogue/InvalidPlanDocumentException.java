package cn.gov.planwatch.catalogue;

import java.util.List;
import java.util.stream.Collectors;

/** A plan document that cannot be accepted, with every problem found in it, in document order. */
public class InvalidPlanDocumentException extends RuntimeException {

    private final List<PlanProblem> problems;

    public InvalidPlanDocumentException(List<PlanProblem> problems) {
        super("Invalid plan document (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  "
                + problems.stream().map(p -> p.describe("document")).collect(Collectors.joining("\n  ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid document has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<PlanProblem> problems() {
        return problems;
    }
}
