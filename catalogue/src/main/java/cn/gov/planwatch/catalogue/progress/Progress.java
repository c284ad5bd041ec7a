package cn.gov.planwatch.catalogue.progress;

import java.math.BigDecimal;

/**
 * How an indicator stands against its target.
 *
 * @param ratio           the CAGR ratio; null where it cannot be computed
 * @param percentOfTarget share of the way from base to target covered by the latest value
 * @param expectedPercent share of the time from base year to target year that has passed
 * @param forecast        the target-year value projected by {@code forecastMethod}; null without two points
 * @param base            the value progress is measured from, and {@code baseYear} its year
 */
public record Progress(
        ProgressStatus status,
        Double ratio,
        Double percentOfTarget,
        Double expectedPercent,
        Double forecast,
        String forecastMethod,
        BigDecimal base,
        Double baseYear,
        String baseSource) {
}
