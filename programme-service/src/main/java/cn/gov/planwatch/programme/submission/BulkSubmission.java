package cn.gov.planwatch.programme.submission;

import cn.gov.planwatch.planrules.observation.ObservationContent;
import cn.gov.planwatch.planrules.progress.ProgressContent;
import cn.gov.planwatch.programme.progress.ProgressRequest.MeasureEntry;
import cn.gov.planwatch.programme.progress.ProgressRequest.MilestoneEntry;
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
 * The body of {@code POST /api/v1/plans/{plan}/submissions}: many reports of one agency, judged row by row by the rules
 * of the single reports (each row's shape by the constraints below, its content by the plan's rules), recorded all or
 * nothing.
 */
@Schema(description = "Many reports in one request, by the token's agency: indicator values and programme progress,"
        + " all recorded or none / 一次报送多项指标数值和专栏进展，全部记录或全部不记录")
public record BulkSubmission(
        @ArraySchema(arraySchema = @Schema(description = "Indicator values, each as POST …/indicators/{code}/observations"
                + " takes one / 指标数值"))
        List<ObservationRow> observations,
        @ArraySchema(arraySchema = @Schema(description = "Programme progress reports, each as POST"
                + " …/programmes/{slug}/progress takes one / 专栏进展"))
        List<ProgressRow> progress) {

    public BulkSubmission {
        observations = observations == null ? List.of() : observations;
        progress = progress == null ? List.of() : progress;
    }

    /** How many reports the submission holds. */
    public int rows() {
        return observations.size() + progress.size();
    }

    @Schema(description = "One indicator value / 一项指标数值")
    public record ObservationRow(
            @Schema(description = "The indicator's code", requiredMode = REQUIRED, example = "IND-01")
            @NotBlank @Size(max = 32) String indicator,
            @Schema(description = "The period: YYYY, or YYYY-Qn where the indicator is reported quarterly; within the"
                    + " plan and begun", requiredMode = REQUIRED, example = "2025", pattern = "^\\d{4}(-Q[1-4])?$")
            @NotBlank @Size(max = 7) String period,
            @Schema(description = "The value, in the indicator's unit (never converted)", requiredMode = REQUIRED,
                    example = "14.0")
            @NotNull BigDecimal value,
            @Schema(description = "A comment on the value", example = "年末数据", nullable = true)
            @Size(max = 2000) String comment,
            @Schema(description = "Where the value comes from", example = "国家知识产权局统计年报", nullable = true)
            @Size(max = 500) String source,
            @Schema(description = "The unit the value is in, by the catalogue's code or its Chinese symbol; another"
                    + " unit is refused", example = "件", nullable = true)
            @Size(max = 32) String unit) implements ObservationContent {
    }

    @Schema(description = "One programme progress report / 一项专栏进展")
    public record ProgressRow(
            @Schema(description = "The programme's slug", requiredMode = REQUIRED, example = "patent-navigation")
            @NotBlank @Size(max = 64) String programme,
            @Schema(description = "The quarter reported, YYYY-Qn: within the plan and already begun",
                    requiredMode = REQUIRED, example = "2025-Q4")
            @NotBlank @Size(max = 7) String quarter,
            @Schema(description = "The programme's status", requiredMode = REQUIRED,
                    allowableValues = {"NOT_STARTED", "ON_TRACK", "AT_RISK", "DELAYED", "COMPLETED"},
                    example = "ON_TRACK")
            @NotBlank @Size(max = 32) String status,
            @Schema(description = "How far the agency's part is done: a whole number, 0–100", requiredMode = REQUIRED,
                    minimum = "0", maximum = "100", example = "80")
            @NotNull BigDecimal percentComplete,
            @Schema(description = "What was done this quarter", example = "导航服务基地完成年度评估", nullable = true)
            @Size(max = 4000) String summary,
            @Schema(description = "Risks to the programme", nullable = true)
            @Size(max = 4000) String risks,
            @ArraySchema(arraySchema = @Schema(description = "The status of measures of the programme, each at most"
                    + " once"))
            @Size(max = 50) List<@NotNull @Valid MeasureEntry> measures,
            @ArraySchema(arraySchema = @Schema(description = "Values reached on milestones of the programme, each at"
                    + " most once"))
            @Size(max = 50) List<@NotNull @Valid MilestoneEntry> milestones)
            implements ProgressContent {

        public ProgressRow {
            measures = measures == null ? List.of() : measures;
            milestones = milestones == null ? List.of() : milestones;
        }
    }
}
