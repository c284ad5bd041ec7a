package cn.gov.planwatch.indicator.observation;

import cn.gov.planwatch.planrules.observation.ObservationContent;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * The body of {@code POST /api/v1/indicators/{code}/observations}.
 *
 * @param unit optional: the unit the reporter means (the catalogue's code, e.g. {@code 100m-cny}, or its
 *             symbol, e.g. {@code 亿元}); a value is never converted, so a different unit is refused
 */
@Schema(description = "A report of an indicator's value for one period; a field the schema does not name is "
        + "refused (400) / 一个报告期的指标数值报送；未定义的字段将被拒收（400）",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record ObservationRequest(
        @Schema(description = "The period: YYYY, or YYYY-Qn where the indicator is reported quarterly. It must lie "
                + "within the plan (422 otherwise) and must have begun (422)", example = "2023",
                pattern = "^\\d{4}(-Q[1-4])?$")
        @NotBlank @Size(max = 7) String period,
        @Schema(description = "The value, in the indicator's unit (never converted): within the indicator's bounds, "
                + "at most 10^12 in magnitude, 9 decimals and 15 significant digits (422 otherwise)",
                example = "11.8")
        @NotNull BigDecimal value,
        @Schema(description = "A comment on the value", example = "年末数据", nullable = true)
        @Size(max = 2000) String comment,
        @Schema(description = "Where the value comes from", example = "国家知识产权局统计年报", nullable = true)
        @Size(max = 500) String source,
        @Schema(description = "The unit the value is in, by the catalogue's code or its Chinese symbol; a unit other "
                + "than the indicator's is refused (422), as values are never converted", example = "件",
                nullable = true)
        @Size(max = 32) String unit) implements ObservationContent {
}
