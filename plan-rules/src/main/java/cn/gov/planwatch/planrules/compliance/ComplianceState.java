package cn.gov.planwatch.planrules.compliance;

/**
 * Where an agency stands on one quarter's update, as the lead agency sees it.
 *
 * <ul>
 *   <li>NOT_DUE — the quarter has not ended, nothing submitted yet;</li>
 *   <li>DUE — the quarter has ended, the deadline has not passed, nothing submitted yet;</li>
 *   <li>OVERDUE — the deadline has passed, nothing submitted (or only unsubmitted drafts);</li>
 *   <li>SUBMITTED_ON_TIME / SUBMITTED_LATE — awaiting review; first submission before / not before the deadline;</li>
 *   <li>RETURNED — the lead returned it for revision and it has not been resubmitted;</li>
 *   <li>ACCEPTED — accepted by the lead; the quarter is locked.</li>
 * </ul>
 */
public enum ComplianceState {
    NOT_DUE, DUE, OVERDUE, SUBMITTED_ON_TIME, SUBMITTED_LATE, RETURNED, ACCEPTED;

    /** Counts as reported in the reporting rate: a complete update, now submitted or accepted. */
    public boolean reported() {
        return this == SUBMITTED_ON_TIME || this == SUBMITTED_LATE || this == ACCEPTED;
    }
}
