package cn.gov.planwatch.programme.quarterly;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The body of {@code POST /api/v1/quarterly-updates}: the quarter the caller's agency declares complete. */
@Schema(description = "The quarter whose update the token's agency declares complete.")
public record SubmissionRequest(
        @Schema(description = "The quarter, YYYY-Qn: within the plan and already begun", requiredMode = REQUIRED,
                example = "2025-Q3")
        @NotBlank @Size(max = 7) String quarter) {
}
