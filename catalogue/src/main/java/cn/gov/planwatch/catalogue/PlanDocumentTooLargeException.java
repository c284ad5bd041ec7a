package cn.gov.planwatch.catalogue;

/** A plan document longer than {@link PlanDocuments#MAX_BYTES}; it is not read at all. */
public class PlanDocumentTooLargeException extends RuntimeException {

    public PlanDocumentTooLargeException() {
        super("a plan document has at most " + PlanDocuments.MAX_BYTES + " bytes (1 MiB)");
    }
}
