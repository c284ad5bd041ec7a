package cn.gov.planwatch.catalogue;

import java.util.List;

/**
 * A catalogue that cannot be read or is invalid. The message lists every problem found,
 * one per line, each as {@code <source>:<line>: <field path>: <message>}.
 */
public class CatalogueException extends RuntimeException {

    private final List<String> problems;

    public CatalogueException(String sourceName, List<String> problems) {
        super("Invalid plan catalogue " + sourceName + " (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in file order. */
    public List<String> problems() {
        return problems;
    }
}
