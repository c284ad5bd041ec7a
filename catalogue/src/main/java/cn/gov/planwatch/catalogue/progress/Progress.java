package cn.gov.planwatch.catalogue.progress;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * How an indicator stands against its target.
 *
 * @param ratio           the CAGR ratio; null where it cannot be computed
 * @param percentOfTarget share of the way from base to target covered by the latest value
 * @param expectedPercent share of the time from base year to target year that has passed
 * @param forecast        the target-year value projected by {@code forecastMethod}; null without two points
 * @param base            the value progress is measured from, and {@code baseYear} its year
 */
@Schema(description = "How the indicator stands against its target: Statistics Canada's progress measure as Open "
        + "SDG implements it / 指标相对目标的进展（加拿大统计局进展测度，Open SDG 实现）")
public record Progress(
        @Schema(description = "The progress category: TARGET_ACHIEVED when the latest value reaches the target; "
                + "NOT_AVAILABLE with fewer than two points; otherwise by ratio: ≥ 0.95 SUBSTANTIAL_PROGRESS, "
                + "≥ 0.60 MODERATE_PROGRESS, ≥ 0 LIMITED_PROGRESS, < 0 DETERIORATION (thresholds are configuration)",
                example = "SUBSTANTIAL_PROGRESS", requiredMode = REQUIRED) ProgressStatus status,
        @Schema(description = "d · CAGR(latest, base) / |CAGR(target, base)|; null where it cannot be computed",
                example = "1.02", nullable = true, requiredMode = REQUIRED) Double ratio,
        @Schema(description = "(latest − base) / (target − base) × 100; null without a report, or where target "
                + "equals base", example = "95.27", nullable = true, requiredMode = REQUIRED) Double percentOfTarget,
        @Schema(description = "(latest year − base year) / (target year − base year) × 100: the share of the time "
                + "that has passed; null without a report", example = "60.0", nullable = true,
                requiredMode = REQUIRED) Double expectedPercent,
        @Schema(description = "The value the trend gives for the target year (see forecastMethod); null with fewer "
                + "than two years of values", example = "14.1", nullable = true,
                requiredMode = REQUIRED) Double forecast,
        @Schema(description = "How forecast is computed", example = ProgressMeasure.FORECAST_METHOD,
                requiredMode = REQUIRED) String forecastMethod,
        @Schema(description = "The value progress is measured from; null where there is none yet", example = "6.2",
                nullable = true, requiredMode = REQUIRED) BigDecimal base,
        @Schema(description = "The base value's year, on a scale where 2020 is the end of 2020 (a quarter's end "
                + "is a fraction: 2023-Q2 is 2022.5); null where there is no base", example = "2020",
                nullable = true, requiredMode = REQUIRED) Double baseYear,
        @Schema(description = "Where the base comes from: the catalogue's baseline, the earliest report (for an "
                + "indicator without a baseline), or none yet", allowableValues = {"BASELINE", "EARLIEST_REPORT",
                "NONE"}, example = "BASELINE", requiredMode = REQUIRED) String baseSource) {
}
