package cn.gov.planwatch.catalogue;

/**
 * One thing wrong with a plan document.
 *
 * @param field   the field path, e.g. {@code indicators[2].target.year}; empty for the document as a whole
 * @param message what is wrong, in words a plan's author can act on
 * @param line    the line in the document where the field's value starts; null where the problem has no place
 *                in the document (e.g. an indicator an amendment removed)
 */
public record PlanProblem(String field, String message, Integer line) {

    /** {@code <source>:<line>: <field>: <message>}, the form start-up failures are logged in. */
    public String describe(String sourceName) {
        return sourceName + ":" + (line == null ? "-" : line) + ": " + (field.isEmpty() ? "(document)" : field)
                + ": " + message;
    }
}
