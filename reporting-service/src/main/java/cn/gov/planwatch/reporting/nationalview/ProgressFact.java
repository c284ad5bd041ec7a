package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.contracts.programme.ProgressReported.MilestoneValue;
import cn.gov.planwatch.planrules.rollup.ProgrammeReport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One programme progress report as the national view knows it, with the event behind it.
 *
 * @param actor    who acted through the client: the person who logged in, or the client itself
 * @param revision 1, 2, … per programme, agency and quarter
 */
public record ProgressFact(UUID eventId, String programme, String quarter, String agency, String clientId,
        String actor, String status, int percentComplete, List<MilestoneValue> milestones, Instant recordedAt, int revision)
        implements ProgrammeReport {

    public ProgressFact {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }
}
