package cn.gov.planwatch.planrules.observation;

import cn.gov.planwatch.catalogue.Bounds;
import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.NotReporterException;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.input.PlausibleDecimals;
import cn.gov.planwatch.planrules.input.RefusedInputException;
import cn.gov.planwatch.planrules.input.TextRules;

import java.math.BigDecimal;

/**
 * What a report of an indicator's value must satisfy before it may enter the event log, judged by the plan's version
 * in force and its calendar: the indicator is the agency's, the period is well-formed, within the plan and has
 * begun, the value is plausible and within the indicator's bounds, the unit (if named) is the indicator's. Every
 * refusal is a {@link cn.gov.planwatch.planrules.PlanRuleException} naming the field; whether the period is locked
 * is for the caller to check, under its own lock.
 */
public final class ObservationRule {

    /**
     * Checks a report of {@code agency} (null when the caller names none); answers the parsed period.
     *
     * @throws NotReporterException   when the indicator is not the agency's
     * @throws RefusedInputException  when a field is malformed or implausible
     */
    public static ReportingPeriod check(String agency, IndicatorInPlan target, PlanCalendar calendar,
            ObservationContent report) {
        Indicator indicator = target.indicator();
        if (agency == null) {
            throw NotReporterException.noAgency();
        }
        if (!indicator.responsibleAgency().equals(agency)) {
            throw NotReporterException.of(indicator.code(), BilingualText.of(indicator.responsibleAgency(),
                    indicator.responsibleAgency()), agency);
        }
        ReportingPeriod period = ReportingPeriod.parse(report.period()).orElseThrow(
                () -> RefusedInputException.malformed("period", BilingualText.of("must be YYYY or YYYY-Qn",
                        "格式须为 YYYY 或 YYYY-Qn")));
        if (period.isQuarter() && !indicator.quarterly()) {
            throw RefusedInputException.malformed("period", BilingualText.of(indicator.code()
                    + " is reported by year: use YYYY", indicator.code() + " 按年度报送，请使用 YYYY 格式"));
        }
        if (!calendar.inPlan(period)) {
            String years = target.document().plan().firstYear() + "–" + target.document().plan().targetYear();
            throw RefusedInputException.implausible("period", BilingualText.of("must lie within the plan, " + years,
                    "须在规划期内（" + years + "）"));
        }
        if (!calendar.hasBegun(period, calendar.now())) {
            throw RefusedInputException.implausible("period", BilingualText.of(report.period() + " has not begun yet",
                    report.period() + " 尚未开始"));
        }
        checkValue(indicator, report.value());
        if (report.unit() != null && !unitConfirmed(indicator, report.unit())) {
            String unit = indicator.unit().code() + ", " + indicator.unit().symbolZh();
            throw RefusedInputException.implausible("unit", BilingualText.of("'" + report.unit()
                    + "' is not the unit of " + indicator.code() + " (" + unit + "); values are never converted",
                    "“" + report.unit() + "”不是 " + indicator.code() + " 的计量单位（" + unit + "），数值不作单位换算"));
        }
        TextRules.requirePrintable("comment", report.comment());
        TextRules.requirePrintable("source", report.source());
        return period;
    }

    /** Whether {@code unit} is the indicator's own, by code or by symbol. */
    public static boolean unitConfirmed(Indicator indicator, String unit) {
        return unit != null && (unit.equals(indicator.unit().code()) || unit.equals(indicator.unit().symbolZh()));
    }

    private static void checkValue(Indicator indicator, BigDecimal value) {
        PlausibleDecimals.require("value", value);
        Bounds bounds = indicator.bounds();
        if (bounds != null && bounds.min() != null && value.compareTo(bounds.min()) < 0) {
            String min = bounds.min().toPlainString() + " " + indicator.unit().symbolZh();
            throw RefusedInputException.implausible("value", BilingualText.of("must be at least " + min,
                    "数值不得小于 " + min));
        }
        if (bounds != null && bounds.max() != null && value.compareTo(bounds.max()) > 0) {
            String max = bounds.max().toPlainString() + " " + indicator.unit().symbolZh();
            throw RefusedInputException.implausible("value", BilingualText.of("must be at most " + max,
                    "数值不得大于 " + max));
        }
    }

    private ObservationRule() {
    }
}
