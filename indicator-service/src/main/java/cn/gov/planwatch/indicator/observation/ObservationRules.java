package cn.gov.planwatch.indicator.observation;

import cn.gov.planwatch.catalogue.Bounds;
import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.indicator.plan.KnownPlans;
import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.NotInPlanException;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.input.PlausibleDecimals;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.platform.problem.TextRules;

import java.math.BigDecimal;
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

    /** Checks a report against the plan in force and the clock; answers the parsed period. */
    public ReportingPeriod check(Caller caller, IndicatorInPlan target, ObservationRequest request) {
        Indicator indicator = target.indicator();
        if (!caller.identified()) {
            throw Problems.noAgency();
        }
        if (!indicator.responsibleAgency().equals(caller.agency())) {
            throw Problems.notReporterOf(indicator.code(), BilingualText.of(indicator.responsibleAgency(),
                    indicator.responsibleAgency()), caller.agency());
        }
        ReportingPeriod period = ReportingPeriod.parse(request.period()).orElseThrow(
                () -> Problems.invalidField("period", BilingualText.of("must be YYYY or YYYY-Qn",
                        "格式须为 YYYY 或 YYYY-Qn")));
        if (period.isQuarter() && !indicator.quarterly()) {
            throw Problems.invalidField("period", BilingualText.of(indicator.code() + " is reported by year: use YYYY",
                    indicator.code() + " 按年度报送，请使用 YYYY 格式"));
        }
        PlanCalendar calendar = PlanCalendar.of(target.document().plan(), planZone, clock);
        if (!calendar.inPlan(period)) {
            String years = target.document().plan().firstYear() + "–" + target.document().plan().targetYear();
            throw Problems.implausible("period", BilingualText.of("must lie within the plan, " + years,
                    "须在规划期内（" + years + "）"));
        }
        if (!calendar.hasBegun(period, calendar.now())) {
            throw Problems.implausible("period", BilingualText.of(request.period() + " has not begun yet",
                    request.period() + " 尚未开始"));
        }
        checkValue(indicator, request.value());
        if (request.unit() != null && !unitConfirmed(indicator, request)) {
            String unit = indicator.unit().code() + ", " + indicator.unit().symbolZh();
            throw Problems.implausible("unit", BilingualText.of("'" + request.unit() + "' is not the unit of "
                    + indicator.code() + " (" + unit + "); values are never converted",
                    "“" + request.unit() + "”不是 " + indicator.code() + " 的计量单位（" + unit + "），数值不作单位换算"));
        }
        TextRules.requirePrintable("comment", request.comment());
        TextRules.requirePrintable("source", request.source());
        return period;
    }

    /** Whether the report names the indicator's own unit, by code or by symbol. */
    public static boolean unitConfirmed(Indicator indicator, ObservationRequest request) {
        return request.unit() != null && (request.unit().equals(indicator.unit().code())
                || request.unit().equals(indicator.unit().symbolZh()));
    }

    private static void checkValue(Indicator indicator, BigDecimal value) {
        PlausibleDecimals.require("value", value);
        Bounds bounds = indicator.bounds();
        if (bounds != null && bounds.min() != null && value.compareTo(bounds.min()) < 0) {
            String min = bounds.min().toPlainString() + " " + indicator.unit().symbolZh();
            throw Problems.implausible("value", BilingualText.of("must be at least " + min, "数值不得小于 " + min));
        }
        if (bounds != null && bounds.max() != null && value.compareTo(bounds.max()) > 0) {
            String max = bounds.max().toPlainString() + " " + indicator.unit().symbolZh();
            throw Problems.implausible("value", BilingualText.of("must be at most " + max, "数值不得大于 " + max));
        }
    }
}
