package cn.gov.planwatch.indicator.observation;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.indicator.plan.KnownPlans;
import cn.gov.planwatch.planrules.NotInPlanException;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.observation.IndicatorInPlan;
import cn.gov.planwatch.planrules.observation.ObservationRule;
import cn.gov.planwatch.platform.caller.Caller;

import java.time.Clock;
import java.time.ZoneId;

/**
 * What a report of an indicator must satisfy before it may enter the event log, judged by the plan's version in force
 * now. Every refusal is an exception naming the plan rule or the field; nothing is recorded.
 */
public class ObservationRules {

    private final KnownPlans plans;
    private final Clock clock;
    private final ZoneId planZone;

    public ObservationRules(KnownPlans plans, Clock clock, ZoneId planZone) {
        this.plans = plans;
        this.clock = clock;
        this.planZone = planZone;
    }

    /**
     * The plan's indicator, to read what was reported: a closed plan stays readable.
     *
     * @throws cn.gov.planwatch.planrules.UnknownPlanException when the plan is not published
     * @throws NotInPlanException                             when the plan has no such indicator
     */
    public IndicatorInPlan indicator(String plan, String code) {
        return in(plans.require(plan, clock.instant()), code);
    }

    /**
     * The plan's indicator, to report a value of it.
     *
     * @throws cn.gov.planwatch.planrules.UnknownPlanException when the plan is not published
     * @throws cn.gov.planwatch.planrules.PlanClosedException  when the plan takes no more reports
     * @throws NotInPlanException                             when the plan has no such indicator
     */
    public IndicatorInPlan reportable(String plan, String code) {
        return in(plans.requireOpen(plan, clock.instant()), code);
    }

    private static IndicatorInPlan in(PlanCatalogue document, String code) {
        return new IndicatorInPlan(document, document.indicator(code)
                .orElseThrow(() -> new NotInPlanException("indicator", code)));
    }

    /** Checks a report against the plan in force and the clock ({@link ObservationRule}); answers the parsed period. */
    public ReportingPeriod check(Caller caller, IndicatorInPlan target, ObservationRequest request) {
        return ObservationRule.check(caller.agency(), target,
                PlanCalendar.of(target.document().plan(), planZone, clock), request);
    }
}
