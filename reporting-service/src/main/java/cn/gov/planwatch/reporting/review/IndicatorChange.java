package cn.gov.planwatch.reporting.review;

import java.math.BigDecimal;

/**
 * One indicator's current value for a period of the quarter under review beside its value for the latest period
 * before (of the same kind: quarter or year). {@code value} is null where nothing was reported for the period.
 *
 * @param revision 1 for a first report, more where the agency revised it
 */
public record IndicatorChange(String code, String name, String unit, String period, BigDecimal value,
        String comment, String source, int revision, String previousPeriod, BigDecimal previousValue) {

    public boolean reported() {
        return value != null;
    }

    /** The difference from the previous value, where both are known. */
    public BigDecimal change() {
        return value == null || previousValue == null ? null : value.subtract(previousValue);
    }

    /** Whether the lead sees something new: a value where there was none, or another value. */
    public boolean changed() {
        return value != null && (previousValue == null || value.compareTo(previousValue) != 0);
    }

    /** The difference as the page shows it: signed, in the value's own precision. */
    public String changeText() {
        BigDecimal change = change();
        return change == null ? null : (change.signum() > 0 ? "+" : "") + change.toPlainString();
    }
}
