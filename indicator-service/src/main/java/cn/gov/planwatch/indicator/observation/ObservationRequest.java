package cn.gov.planwatch.indicator.observation;

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
public record ObservationRequest(
        @NotBlank @Size(max = 7) String period,
        @NotNull BigDecimal value,
        @Size(max = 2000) String comment,
        @Size(max = 500) String source,
        @Size(max = 32) String unit) {
}
