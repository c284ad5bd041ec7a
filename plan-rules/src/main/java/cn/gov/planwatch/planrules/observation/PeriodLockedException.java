package cn.gov.planwatch.planrules.observation;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.PlanRuleException;

/**
 * A value for a period whose quarter the lead agency has accepted: the agency's values for it are final. A value for
 * a quarter {@code YYYY-Qn} falls in that quarter; an annual value {@code YYYY} falls in {@code YYYY-Q4}, because
 * annual values are owed with the year's last quarterly update.
 */
public class PeriodLockedException extends PlanRuleException {

    public PeriodLockedException(String agency, ReportingPeriod period) {
        super(Refusal.CONFLICT, "period-locked", BilingualText.of("Period locked", "报告期已锁定"), BilingualText.of(
                agency + "'s quarterly update for " + quarterOf(period) + " has been accepted by the lead agency;"
                        + " values for " + period + " can no longer be reported",
                agency + " " + quarterOf(period) + " 的季度更新已被牵头单位接受并锁定，" + period
                        + " 的数值不能再报送或修改"));
    }

    /** The quarter whose acceptance closes {@code period}: itself, or Q4 for a year. */
    public static ReportingPeriod quarterOf(ReportingPeriod period) {
        return period.isQuarter() ? period : new ReportingPeriod(period.year(), 4);
    }
}
