package cn.gov.planwatch.planrules.lifecycle;

import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;

/**
 * Where an agency's update for a quarter stands. OPEN: nothing submitted yet. SUBMITTED: awaiting the lead agency's
 * review. RETURNED: reopened for revision. ACCEPTED: locked — no more writes for it.
 */
public enum QuarterlyUpdateState {
    OPEN, SUBMITTED, RETURNED, ACCEPTED;

    public boolean locked() {
        return this == ACCEPTED;
    }

    /** The state a step leaves the update in, whatever it was before (the log is the truth). */
    public static QuarterlyUpdateState after(LifecycleEvent.Kind kind) {
        return switch (kind) {
            case SUBMITTED -> SUBMITTED;
            case ACCEPTED -> ACCEPTED;
            case RETURNED -> RETURNED;
        };
    }

    public static QuarterlyUpdateState after(QuarterlyUpdateEvent event) {
        return after(LifecycleEvent.of(event).kind());
    }
}
