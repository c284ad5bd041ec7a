package cn.gov.planwatch.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static io.swagger.v3.oas.annotations.media.Schema.SchemaResolution.INLINE;

/**
 * A key indicator of the plan. {@code baseline}, {@code increase} and {@code footnote} may be null;
 * {@code direction} is 1 where more is better, -1 where less is.
 */
@Schema(description = "A key indicator of the plan, as the catalogue defines it; baseline, increase and footnote "
        + "are null where the plan gives none / 规划主要指标（目录中的定义）；规划未列出的基期值、增量和注释为 null")
public record Indicator(
        @Schema(description = "The indicator's code, stable across catalogue versions", example = "IND-01",
                requiredMode = REQUIRED) String code,
        @Schema(description = "Its number in the plan's table of key indicators", example = "1",
                requiredMode = REQUIRED) int number,
        @Schema(description = "Name in Chinese, as the plan words it", example = "每万人口高价值发明专利拥有量",
                requiredMode = REQUIRED) String nameZh,
        @Schema(description = "Name in English", example = "High-value invention patents per 10,000 population",
                requiredMode = REQUIRED) String nameEn,
        @Schema(requiredMode = REQUIRED) Unit unit,
        // baseline and footnote inline: OpenAPI 3.0 cannot mark a reference nullable.
        @Schema(nullable = true, requiredMode = REQUIRED, schemaResolution = INLINE) Baseline baseline,
        @Schema(requiredMode = REQUIRED) Target target,
        @Schema(description = "The increase the plan states over the period (target − baseline), in the unit; null "
                + "where the plan states none / 规划期增量；规划未列出时为 null", example = "5.92", nullable = true,
                requiredMode = REQUIRED) BigDecimal increase,
        @Schema(description = "The indicator's attribute (属性): EXPECTED 预期性 or BINDING 约束性",
                requiredMode = REQUIRED) Attribute attribute,
        @Schema(description = "1 where more is better, -1 where less is better", allowableValues = {"1", "-1"},
                example = "1", requiredMode = REQUIRED) int direction,
        @Schema(description = "Code of the agency that reports the indicator; only it may report values",
                example = "CNIPA", requiredMode = REQUIRED) String responsibleAgency,
        @Schema(description = "How often values are reported: ANNUAL (period YYYY) or QUARTERLY (YYYY or YYYY-Qn)",
                requiredMode = REQUIRED) Frequency frequency,
        @Schema(requiredMode = REQUIRED) Bounds bounds,
        @Schema(nullable = true, requiredMode = REQUIRED, schemaResolution = INLINE) Footnote footnote) {

    public boolean quarterly() {
        return frequency == Frequency.QUARTERLY;
    }
}
