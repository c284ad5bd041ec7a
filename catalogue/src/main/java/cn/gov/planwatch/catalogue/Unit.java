package cn.gov.planwatch.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** An indicator's unit; values are always in this unit, never converted. */
@Schema(description = "An indicator's unit; every value of the indicator is in it and is never converted / "
        + "指标的计量单位，数值一律以此为准，不作换算")
public record Unit(
        @Schema(description = "The unit's code; a report may name it in its unit field", example = "100m-cny",
                requiredMode = REQUIRED) String code,
        @Schema(description = "The unit's symbol in Chinese; a report may name it in its unit field instead",
                example = "亿元", requiredMode = REQUIRED) String symbolZh,
        @Schema(description = "The unit's name in English", example = "100 million CNY",
                requiredMode = REQUIRED) String nameEn,
        @Schema(description = "What the unit measures; SHARE_PERCENT and SCORE lie within 0..100",
                requiredMode = REQUIRED) UnitKind kind) {
}
