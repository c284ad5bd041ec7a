package cn.gov.planwatch.indicator.lock;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.observation.PeriodLockedException;

/**
 * Quarters the lead agency has accepted, per plan and agency, as learnt from the quarterly update events: an
 * agency's values for an accepted quarter are final. A value for a quarter {@code YYYY-Qn} falls in that
 * quarter; an annual value {@code YYYY} falls in {@code YYYY-Q4}, because annual values are owed with the
 * year's last quarterly update. A later return by the lead reopens the quarter. Plans are independent: an agency's
 * quarter accepted in one plan leaves its values for the same quarter in another plan open.
 *
 * <p>The lock arrives through the log, so a value reported in the instant between the acceptance and its
 * projection here is still taken; it is in the log before the lock, like any report made before it.
 */
public interface QuarterLocks {

    /** Whether the agency's quarter ({@code YYYY-Qn}) in the plan is accepted, and so closed. */
    boolean locked(String plan, String agency, ReportingPeriod quarter);

    /** Refuses (409) a value of the agency for a period that falls in one of its accepted quarters of the plan. */
    default void requireOpen(String plan, String agency, ReportingPeriod period) {
        if (locked(plan, agency, PeriodLockedException.quarterOf(period))) {
            throw new PeriodLockedException(agency, period);
        }
    }
}
