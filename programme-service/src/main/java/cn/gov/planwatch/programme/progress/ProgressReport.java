package cn.gov.planwatch.programme.progress;

import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.planrules.rollup.ProgrammeReport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One progress report as the read model keeps it. {@code revision} counts the reports of the same
 * programme, agency and quarter in log order; {@code current} is false once a revision supersedes it.
 */
public record ProgressReport(UUID eventId, String programme, String agency, String quarter, String status,
        int percentComplete, String summary, String risks, List<ProgressReported.MeasureStatus> measures,
        List<ProgressReported.MilestoneValue> milestones, Instant recordedAt, int revision, boolean current)
        implements ProgrammeReport {
}
