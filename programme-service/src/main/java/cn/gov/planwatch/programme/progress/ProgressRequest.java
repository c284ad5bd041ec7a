package cn.gov.planwatch.programme.progress;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /api/v1/programmes/{slug}/progress}. Shape and length are checked here
 * (400); what the catalogue and the calendar must agree with is checked by {@link ProgressRules} (422).
 */
public record ProgressRequest(
        @NotBlank @Size(max = 7) String quarter,
        @NotBlank @Size(max = 32) String status,
        @NotNull BigDecimal percentComplete,
        @Size(max = 4000) String summary,
        @Size(max = 4000) String risks,
        @Size(max = 50) List<@NotNull @Valid MeasureEntry> measures,
        @Size(max = 50) List<@NotNull @Valid MilestoneEntry> milestones) {

    public ProgressRequest {
        measures = measures == null ? List.of() : measures;
        milestones = milestones == null ? List.of() : milestones;
    }

    public record MeasureEntry(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 32) String status,
            @Size(max = 1000) String note) {
    }

    public record MilestoneEntry(@NotBlank @Size(max = 64) String code, @NotNull BigDecimal value) {
    }
}
