package cn.gov.planwatch.planrules.calendar;

import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One plan's quarters on the plan's own calendar: a quarter begins and ends at midnight in the plan's zone, whatever
 * the server's zone, and "now" is the given clock's. Each plan has its own calendar: its years are its own.
 */
public record PlanCalendar(Plan plan, ZoneId zone, Clock clock) {

    public static PlanCalendar of(Plan plan, ZoneId zone, Clock clock) {
        return new PlanCalendar(plan, zone, clock);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Every quarter of the plan, first to last. */
    public List<ReportingPeriod> quarters() {
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
     * The quarter containing {@code at}, kept within the plan: the first quarter before the plan began, the last one
     * once it has ended (the final evaluation looks at the last quarter).
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
     * A quarter a report or submission may be made for, given in {@code field}: written {@code YYYY-Qn}, within the
     * plan and already begun.
     *
     * @throws MalformedQuarterException    when it is not {@code YYYY-Qn}
     * @throws QuarterOutsidePlanException  when it lies outside the plan's years
     * @throws QuarterNotBegunException     when it has not begun by now
     */
    public ReportingPeriod reportableQuarter(String field, String text) {
        ReportingPeriod quarter = parse(field, text);
        if (!inPlan(quarter)) {
            throw new QuarterOutsidePlanException(field, plan);
        }
        if (!hasBegun(quarter, now())) {
            throw new QuarterNotBegunException(field, text);
        }
        return quarter;
    }

    /**
     * A quarter named in a path.
     *
     * @throws MalformedQuarterException when it is not {@code YYYY-Qn} (naming the field {@code quarter})
     * @throws UnknownQuarterException   when it is not one of the plan's
     */
    public ReportingPeriod knownQuarter(String text) {
        ReportingPeriod quarter = parse("quarter", text);
        if (!inPlan(quarter)) {
            throw new UnknownQuarterException(text);
        }
        return quarter;
    }

    private static ReportingPeriod parse(String field, String text) {
        return ReportingPeriod.parse(text).filter(ReportingPeriod::isQuarter)
                .orElseThrow(() -> new MalformedQuarterException(field));
    }
}
