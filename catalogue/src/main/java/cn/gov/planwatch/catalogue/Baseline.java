package cn.gov.planwatch.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The value an indicator starts from; {@code note} says where it departs from the table (may be null). */
@Schema(description = "The value the plan starts the indicator from (基期值); null where the plan gives none, and "
        + "progress is then measured from the earliest report")
public record Baseline(
        @Schema(description = "The base year", example = "2020", requiredMode = REQUIRED) int year,
        @Schema(description = "The base value, in the indicator's unit", example = "6.2",
                requiredMode = REQUIRED) BigDecimal value,
        @Schema(description = "Where the base value departs from the plan's table; null where it does not",
                example = "Marked ③ in the seed; the footnote text is lost (the value may be from an earlier year).",
                nullable = true, requiredMode = REQUIRED) String note) {
}
