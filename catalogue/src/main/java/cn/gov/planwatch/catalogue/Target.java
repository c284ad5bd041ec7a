package cn.gov.planwatch.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

@Schema(description = "The value the plan sets for the indicator's target year (目标值)")
public record Target(
        @Schema(description = "The target year", example = "2025", requiredMode = REQUIRED) int year,
        @Schema(description = "The target value, in the indicator's unit", example = "12.12",
                requiredMode = REQUIRED) BigDecimal value) {
}
