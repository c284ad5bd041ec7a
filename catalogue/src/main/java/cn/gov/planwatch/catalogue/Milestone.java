package cn.gov.planwatch.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** A quantified goal of a programme, reported as a number; {@code measure} (a measure code) may be null. */
@Schema(description = "A quantified goal of a programme, reported as a cumulative number (专栏里程碑)")
public record Milestone(
        @Schema(description = "The milestone's code, unique within its programme", example = "gi-demo-zones",
                requiredMode = REQUIRED) String code,
        @Schema(description = "Its Chinese name", example = "建成100个国家地理标志产品保护示范区", requiredMode = REQUIRED)
        String nameZh,
        @Schema(description = "Its English name", example = "National GI-product protection demonstration zones built",
                requiredMode = REQUIRED) String nameEn,
        @Schema(description = "The value to reach by the plan's target year, in unit", example = "100",
                requiredMode = REQUIRED) BigDecimal target,
        @Schema(description = "The unit of target and of reported values", example = "zones", requiredMode = REQUIRED)
        String unit,
        @Schema(description = "The code of the measure it belongs to, or null", example = "gi-special-action",
                nullable = true, requiredMode = REQUIRED) String measure) {
}
