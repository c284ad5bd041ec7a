package cn.gov.planwatch.programme.quarterly;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code POST /api/v1/quarterly-updates/{agency}/{quarter}/return}.
 *
 * @param items what to revise: indicator codes and programme slugs; optional
 */
public record ReturnRequest(
        @NotBlank @Size(max = 2000) String reason,
        @Size(max = 50) List<@NotNull @Size(max = 64) String> items) {
}
