package cn.gov.planwatch.programme.submission.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an agency's template for a quarter holds: a line per indicator it reports and per programme it takes part in,
 * each with what the reporter needs to fill it in (name, unit, last value) and the period already entered.
 */
public record SubmissionTemplate(String plan, String agency, String quarter, List<IndicatorLine> indicators,
        List<ProgrammeLine> programmes) {

    /** An indicator: the period is pre-filled, the value left for the reporter. */
    public record IndicatorLine(String code, String name, String unit, String lastPeriod, BigDecimal lastValue,
            String period) {
    }

    /** A programme: the quarter is pre-filled, the status and the rest left for the reporter. */
    public record ProgrammeLine(String slug, String title, String lastQuarter, String lastReport,
            String milestoneCodes, String quarter) {
    }
}
