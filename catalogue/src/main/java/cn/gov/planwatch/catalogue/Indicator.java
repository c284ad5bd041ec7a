package cn.gov.planwatch.catalogue;

import java.math.BigDecimal;

/**
 * A key indicator of the plan. {@code baseline}, {@code increase} and {@code footnote} may be null;
 * {@code direction} is 1 where more is better, -1 where less is.
 */
public record Indicator(String code, int number, String nameZh, String nameEn, Unit unit,
                        Baseline baseline, Target target, BigDecimal increase, Attribute attribute,
                        int direction, String responsibleAgency, Frequency frequency, Bounds bounds,
                        Footnote footnote) {

    public boolean quarterly() {
        return frequency == Frequency.QUARTERLY;
    }
}
