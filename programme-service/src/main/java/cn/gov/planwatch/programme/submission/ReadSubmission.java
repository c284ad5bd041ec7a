package cn.gov.planwatch.programme.submission;

import cn.gov.planwatch.planrules.FieldRefusal;

import java.util.List;

/**
 * A submission as read from its body, with where each row's fields were (to name them in a refusal) and the cells that
 * could not even be read as what their column holds (a value that is no number): refusals too, listed with the rest.
 */
public record ReadSubmission(BulkSubmission submission, RowAddresses addresses, List<FieldRefusal> unreadable) {

    public ReadSubmission {
        unreadable = List.copyOf(unreadable);
    }

    /** A JSON submission: every row was read, and is named by its place in the document. */
    public static ReadSubmission json(BulkSubmission submission) {
        return new ReadSubmission(submission, RowAddresses.JSON, List.of());
    }

    /** Where a row's field was: {@code observations[3].value} in JSON, a sheet's cell in a file. */
    public interface RowAddresses {

        RowAddresses JSON = new RowAddresses() {
            @Override
            public String observation(int row, String field) {
                return "observations[" + row + "]" + (field.isEmpty() ? "" : "." + field);
            }

            @Override
            public String progress(int row, String field) {
                return "progress[" + row + "]" + (field.isEmpty() ? "" : "." + field);
            }
        };

        /** The field of the {@code row}-th observation (0-based, among the rows read); "" for the row itself. */
        String observation(int row, String field);

        /** The field of the {@code row}-th progress report (0-based, among the rows read). */
        String progress(int row, String field);
    }
}
