package cn.gov.planwatch.programme.progress;

import cn.gov.planwatch.planrules.progress.ProgressContent;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The body of {@code POST /api/v1/programmes/{slug}/progress}. Shape and length are checked here
 * (400); what the catalogue and the calendar must agree with is checked by {@link ProgressRules} (422), as for every
 * progress report.
 */
@Schema(description = "A progress report on a programme for one quarter, by the token's agency.")
public record ProgressRequest(
        @Schema(description = "The quarter reported, YYYY-Qn: within the plan and already begun",
                requiredMode = REQUIRED, example = "2025-Q3")
        @NotBlank @Size(max = 7) String quarter,
        @Schema(description = "The programme's status", requiredMode = REQUIRED,
                allowableValues = {"NOT_STARTED", "ON_TRACK", "AT_RISK", "DELAYED", "COMPLETED"}, example = "ON_TRACK")
        @NotBlank @Size(max = 32) String status,
        @Schema(description = "How far the agency's part is done: a whole number, 0–100", requiredMode = REQUIRED,
                minimum = "0", maximum = "100", example = "60")
        @NotNull BigDecimal percentComplete,
        @Schema(description = "What was done this quarter", example = "商业秘密保护指引已发布，试点地区完成培训")
        @Size(max = 4000) String summary,
        @Schema(description = "Risks to the programme", example = "跨境援助机制仍待部际协调")
        @Size(max = 4000) String risks,
        @ArraySchema(arraySchema = @Schema(description = "The status of measures of the programme, each at most once"))
        @Size(max = 50) List<@NotNull @Valid MeasureEntry> measures,
        @ArraySchema(arraySchema = @Schema(description = "Values reached on milestones of the programme, each at most"
                + " once"))
        @Size(max = 50) List<@NotNull @Valid MilestoneEntry> milestones) implements ProgressContent {

    public ProgressRequest {
        measures = measures == null ? List.of() : measures;
        milestones = milestones == null ? List.of() : milestones;
    }

    @Schema(description = "The status of one measure of the programme.")
    public record MeasureEntry(
            @Schema(description = "The measure's code in the catalogue", requiredMode = REQUIRED, example = "policy")
            @NotBlank @Size(max = 64) String code,
            @Schema(description = "The measure's status", requiredMode = REQUIRED,
                    allowableValues = {"NOT_STARTED", "ON_TRACK", "AT_RISK", "DELAYED", "COMPLETED"},
                    example = "COMPLETED")
            @NotBlank @Size(max = 32) String status,
            @Schema(description = "A note on the measure", example = "指引已印发")
            @Size(max = 1000) String note) implements ProgressContent.Measure {
    }

    @Schema(description = "The value reached on one quantified milestone, in the milestone's unit (cumulative).")
    public record MilestoneEntry(
            @Schema(description = "The milestone's code in the catalogue", requiredMode = REQUIRED,
                    example = "gi-demo-zones")
            @NotBlank @Size(max = 64) String code,
            @Schema(description = "The value reached so far, ≥ 0", requiredMode = REQUIRED, minimum = "0",
                    example = "37")
            @NotNull BigDecimal value) implements ProgressContent.Milestone {
    }
}
