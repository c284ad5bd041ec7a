package cn.gov.planwatch.indicator.observation;

import cn.gov.planwatch.catalogue.Bounds;
import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.input.PlausibleDecimals;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.platform.problem.TextRules;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a report of an indicator must satisfy before it may enter the event log. Every refusal is a
 * {@link cn.gov.planwatch.platform.problem.ProblemException} naming the field; nothing is recorded.
 */
public class ObservationRules {

    private final PlanCatalogue catalogue;
    private final Clock clock;
    private final ZoneId planZone;

    public ObservationRules(PlanCatalogue catalogue, Clock clock, ZoneId planZone) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.planZone = planZone;
    }

    public Indicator indicator(String code) {
        return catalogue.indicator(code).orElseThrow(() -> Problems.notFound("indicator", code));
    }

    /** Checks a report against the catalogue and the clock; answers the parsed period. */
    public ReportingPeriod check(Caller caller, Indicator indicator, ObservationRequest request) {
        if (!caller.identified()) {
            throw Problems.forbidden("the token names no agency");
        }
        if (!indicator.responsibleAgency().equals(caller.agency())) {
            throw Problems.forbidden(indicator.code() + " is reported by " + indicator.responsibleAgency()
                    + ", not by " + caller.agency());
        }
        ReportingPeriod period = ReportingPeriod.parse(request.period()).orElseThrow(
                () -> Problems.invalidField("period", "must be YYYY or YYYY-Qn"));
        if (period.isQuarter() && !indicator.quarterly()) {
            throw Problems.invalidField("period", indicator.code() + " is reported by year: use YYYY");
        }
        int first = catalogue.plan().firstYear();
        int last = catalogue.plan().targetYear();
        if (period.year() < first || period.year() > last) {
            throw Problems.implausible("period", "must lie within the plan, " + first + "–" + last);
        }
        if (period.firstDay().isAfter(LocalDate.now(clock.withZone(planZone)))) {
            throw Problems.implausible("period", request.period() + " has not begun yet");
        }
        checkValue(indicator, request.value());
        if (request.unit() != null && !unitConfirmed(indicator, request)) {
            throw Problems.implausible("unit", "'" + request.unit() + "' is not the unit of " + indicator.code()
                    + " (" + indicator.unit().code() + ", " + indicator.unit().symbolZh()
                    + "); values are never converted");
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
            throw Problems.implausible("value", "must be at least " + bounds.min().toPlainString() + " "
                    + indicator.unit().symbolZh());
        }
        if (bounds != null && bounds.max() != null && value.compareTo(bounds.max()) > 0) {
            throw Problems.implausible("value", "must be at most " + bounds.max().toPlainString() + " "
                    + indicator.unit().symbolZh());
        }
    }
}
