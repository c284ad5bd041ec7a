package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.platform.problem.Problems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan's quarters on the plan's own calendar (the same rules as programme-service's): a quarter ends at
 * midnight in the plan's zone, whatever the server's zone.
 */
public final class PlanQuarters {

    private final Plan plan;
    private final ZoneId zone;

    public PlanQuarters(Plan plan, ZoneId zone) {
        this.plan = plan;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Every quarter of the plan, first to last. */
    public List<ReportingPeriod> all() {
        return upTo(new ReportingPeriod(plan.targetYear(), 4));
    }

    /** The plan's quarters from the first to {@code last}, inclusive. */
    public List<ReportingPeriod> upTo(ReportingPeriod last) {
        List<ReportingPeriod> quarters = new ArrayList<>();
        for (int year = plan.firstYear(); year <= plan.targetYear(); year++) {
            for (int quarter = 1; quarter <= 4; quarter++) {
                ReportingPeriod period = new ReportingPeriod(year, quarter);
                if (period.compareTo(last) <= 0) {
                    quarters.add(period);
                }
            }
        }
        return quarters;
    }

    /** The first instant after the quarter: midnight, plan zone, of the day after its last day. */
    public ZonedDateTime endOf(ReportingPeriod quarter) {
        return quarter.lastDay().plusDays(1).atStartOfDay(zone);
    }

    public boolean inPlan(ReportingPeriod period) {
        return period.year() >= plan.firstYear() && period.year() <= plan.targetYear();
    }

    /** The quarter containing {@code at}, kept within the plan (its first before it began, its last after it ended). */
    public ReportingPeriod quarterAt(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        if (day.getYear() < plan.firstYear()) {
            return new ReportingPeriod(plan.firstYear(), 1);
        }
        if (day.getYear() > plan.targetYear()) {
            return new ReportingPeriod(plan.targetYear(), 4);
        }
        return new ReportingPeriod(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** A quarter named in a path: malformed is a 400, outside the plan an unknown quarter (404). */
    public ReportingPeriod known(String text) {
        ReportingPeriod quarter = ReportingPeriod.parse(text).filter(ReportingPeriod::isQuarter)
                .orElseThrow(() -> Problems.invalidField("quarter", "must be YYYY-Qn, e.g. 2025-Q3"));
        if (!inPlan(quarter)) {
            throw Problems.notFound("quarter", text);
        }
        return quarter;
    }
}
