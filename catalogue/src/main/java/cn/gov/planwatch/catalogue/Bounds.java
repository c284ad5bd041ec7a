package cn.gov.planwatch.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The range an indicator's values can take; a null end is open. */
@Schema(description = "The range a reported value must lie in; a value outside it is refused (422). A null end "
        + "is open / 数值的合理范围，超出即拒收（422）；为 null 的一端不设限")
public record Bounds(
        @Schema(description = "The smallest plausible value; null for none", example = "0", nullable = true,
                requiredMode = REQUIRED) BigDecimal min,
        @Schema(description = "The largest plausible value; null for none", example = "100", nullable = true,
                requiredMode = REQUIRED) BigDecimal max) {
}
