package cn.gov.planwatch.programme.quarterly;

import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;

/**
 * Where an agency's update for a quarter stands. OPEN: nothing submitted yet. SUBMITTED: awaiting the
 * lead agency's review. RETURNED: reopened for revision. ACCEPTED: locked — no more writes for it.
 */
public enum QuarterlyUpdateState {
    OPEN, SUBMITTED, RETURNED, ACCEPTED;

    public boolean locked() {
        return this == ACCEPTED;
    }

    /** The state an event leaves the update in, whatever it was before (the log is the truth). */
    public static QuarterlyUpdateState after(QuarterlyUpdateEvent event) {
        if (event instanceof QuarterlyUpdateSubmitted) {
            return SUBMITTED;
        }
        if (event instanceof QuarterlyUpdateAccepted) {
            return ACCEPTED;
        }
        if (event instanceof QuarterlyUpdateReturned) {
            return RETURNED;
        }
        throw new IllegalArgumentException("not a lifecycle event: " + event);
    }
}
