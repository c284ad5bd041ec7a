package cn.gov.planwatch.indicator.observation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** The body of {@code POST /api/v1/indicators/{code}/observations}. */
public record ObservationRequest(
        @NotBlank @Size(max = 7) String period,
        @NotNull BigDecimal value,
        @Size(max = 2000) String comment,
        @Size(max = 500) String source) {
}
