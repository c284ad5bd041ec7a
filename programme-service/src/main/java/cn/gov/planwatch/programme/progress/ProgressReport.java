package cn.gov.planwatch.programme.progress;

import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.planrules.rollup.ProgrammeReport;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One progress report as the read model keeps it. {@code revision} counts the reports of the same
 * programme, agency and quarter in log order; {@code current} is false once a revision supersedes it.
 */
@Schema(description = "One progress report on a programme by one of its agencies for one quarter.")
public record ProgressReport(
        @Schema(description = "The id of the event that recorded the report", requiredMode = REQUIRED,
                example = "0b6f1a52-6a3e-4a53-9d4e-2f1c3b7a9e10") UUID eventId,
        @Schema(description = "The programme's slug", requiredMode = REQUIRED, example = "trade-secrets")
        String programme,
        @Schema(description = "The reporting agency's code", requiredMode = REQUIRED, example = "SAMR") String agency,
        @Schema(description = "The quarter reported, YYYY-Qn", requiredMode = REQUIRED, example = "2025-Q3")
        String quarter,
        @Schema(description = "The programme's status as the agency reports it", requiredMode = REQUIRED,
                allowableValues = {"NOT_STARTED", "ON_TRACK", "AT_RISK", "DELAYED", "COMPLETED"},
                example = "ON_TRACK") String status,
        @Schema(description = "How far the agency's part is done, 0–100", requiredMode = REQUIRED, minimum = "0",
                maximum = "100", example = "60") int percentComplete,
        @Schema(description = "What was done this quarter; null when not given", nullable = true,
                requiredMode = REQUIRED, example = "商业秘密保护指引已发布，试点地区完成培训") String summary,
        @Schema(description = "Risks to the programme; null when not given", nullable = true,
                requiredMode = REQUIRED, example = "跨境援助机制仍待部际协调") String risks,
        @Schema(description = "The status of each measure reported on", requiredMode = REQUIRED)
        List<ProgressReported.MeasureStatus> measures,
        @Schema(description = "The value reached on each milestone reported on (cumulative)", requiredMode = REQUIRED)
        List<ProgressReported.MilestoneValue> milestones,
        @Schema(description = "When the report was recorded", requiredMode = REQUIRED,
                example = "2025-10-09T06:30:00Z") Instant recordedAt,
        @Schema(description = "1 for the agency's first report on this programme and quarter, counting up with each"
                + " revision", requiredMode = REQUIRED, example = "1") int revision,
        @Schema(description = "false once a later revision supersedes this report", requiredMode = REQUIRED,
                example = "true") boolean current)
        implements ProgrammeReport {
}
