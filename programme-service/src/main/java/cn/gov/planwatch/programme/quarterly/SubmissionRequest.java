package cn.gov.planwatch.programme.quarterly;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/quarterly-updates}: the quarter the caller's agency declares complete. */
public record SubmissionRequest(@NotBlank @Size(max = 7) String quarter) {
}
