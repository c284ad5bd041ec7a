package cn.gov.planwatch.programme.calendar;

import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.platform.problem.Problems;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plan's quarters on the plan's own calendar: a quarter begins and ends at midnight in the plan's
 * zone, whatever the server's zone, and "now" is the injected clock's.
 */
public class PlanCalendar {

    private final Plan plan;
    private final ZoneId zone;
    private final Clock clock;

    public PlanCalendar(Plan plan, ZoneId zone, Clock clock) {
        this.plan = plan;
        this.zone = zone;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return zone;
    }

    /** Every quarter of the plan, first to last. */
    public List<ReportingPeriod> quarters() {
        List<ReportingPeriod> quarters = new ArrayList<>();
        for (int year = plan.firstYear(); year <= plan.targetYear(); year++) {
            for (int quarter = 1; quarter <= 4; quarter++) {
                quarters.add(new ReportingPeriod(year, quarter));
            }
        }
        return quarters;
    }

    public boolean inPlan(ReportingPeriod period) {
        return period.year() >= plan.firstYear() && period.year() <= plan.targetYear();
    }

    /** The first instant after the quarter: midnight, plan zone, of the day after its last day. */
    public ZonedDateTime endOf(ReportingPeriod quarter) {
        return quarter.lastDay().plusDays(1).atStartOfDay(zone);
    }

    public boolean hasBegun(ReportingPeriod period, Instant at) {
        return !period.firstDay().isAfter(LocalDate.ofInstant(at, zone));
    }

    /**
     * The quarter containing {@code at}, kept within the plan: the first quarter before the plan began,
     * the last one once it has ended (the final evaluation looks at the last quarter).
     */
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

    public ReportingPeriod currentQuarter() {
        return quarterAt(now());
    }

    /**
     * A quarter a report or submission may be made for: {@code YYYY-Qn} (else 400), within the plan and
     * already begun (else 422). Errors name {@code field}.
     */
    public ReportingPeriod reportableQuarter(String field, String text) {
        ReportingPeriod quarter = ReportingPeriod.parse(text).filter(ReportingPeriod::isQuarter)
                .orElseThrow(() -> Problems.invalidField(field, "must be YYYY-Qn, e.g. 2025-Q3"));
        if (!inPlan(quarter)) {
            throw Problems.implausible(field, "must lie within the plan, " + plan.firstYear() + "-Q1–"
                    + plan.targetYear() + "-Q4");
        }
        if (!hasBegun(quarter, now())) {
            throw Problems.implausible(field, text + " has not begun yet");
        }
        return quarter;
    }

    /** A quarter named in a path: malformed is 400, outside the plan is an unknown quarter (404). */
    public ReportingPeriod knownQuarter(String text) {
        ReportingPeriod quarter = ReportingPeriod.parse(text).filter(ReportingPeriod::isQuarter)
                .orElseThrow(() -> Problems.invalidField("quarter", "must be YYYY-Qn, e.g. 2025-Q3"));
        return Optional.of(quarter).filter(this::inPlan).orElseThrow(() -> Problems.notFound("quarter", text));
    }
}
