package cn.gov.planwatch.reporting.nationalview;

/**
 * Where an agency stands on one quarter's update, as programme-service defines it: NOT_DUE (quarter not over),
 * DUE (over, deadline not passed), OVERDUE (deadline passed, nothing submitted), SUBMITTED_ON_TIME /
 * SUBMITTED_LATE (awaiting review; by the first submission), RETURNED (for revision, not resubmitted), ACCEPTED.
 */
public enum ComplianceState {
    NOT_DUE, DUE, OVERDUE, SUBMITTED_ON_TIME, SUBMITTED_LATE, RETURNED, ACCEPTED;

    /** Counts in the reporting rate: a complete update, submitted or accepted (a returned one is not complete). */
    public boolean reported() {
        return this == SUBMITTED_ON_TIME || this == SUBMITTED_LATE || this == ACCEPTED;
    }
}
