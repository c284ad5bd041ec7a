package cn.gov.planwatch.reporting.nationalview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One agency's update for one quarter, folded from its lifecycle steps — the same fold as programme-service's
 * {@code QuarterlyUpdate}, so both services call an update by the same state.
 *
 * @param firstSubmittedAt what timeliness is measured by: a return after the deadline does not make an
 *                         agency that submitted on time late
 * @param lastEventId      the step that set {@code stage}
 * @param eventIds         every step folded in, in the order folded
 */
public record QuarterlyLifecycle(Stage stage, Instant firstSubmittedAt, Instant submittedAt, UUID lastEventId,
        Instant lastRecordedAt, List<UUID> eventIds) {

    /** OPEN: never submitted; SUBMITTED: awaiting review; RETURNED: reopened; ACCEPTED: locked. */
    public enum Stage { OPEN, SUBMITTED, RETURNED, ACCEPTED }

    public static final QuarterlyLifecycle NOT_STARTED = new QuarterlyLifecycle(Stage.OPEN, null, null, null, null,
            List.of());

    public QuarterlyLifecycle {
        eventIds = List.copyOf(eventIds);
    }

    /**
     * The update after {@code step}. A step that arrives after a later one still counts for the submission
     * times but cannot roll the stage back: the fact recorded last wins (as in programme-service).
     */
    public QuarterlyLifecycle after(LifecycleStep step) {
        Instant at = step.recordedAt();
        boolean latest = lastRecordedAt == null || !at.isBefore(lastRecordedAt);
        Instant first = firstSubmittedAt;
        Instant submitted = submittedAt;
        if (step.kind() == LifecycleStep.Kind.SUBMITTED) {
            first = first == null || at.isBefore(first) ? at : first;
            submitted = submitted == null || at.isAfter(submitted) ? at : submitted;
        }
        List<UUID> ids = new ArrayList<>(eventIds);
        ids.add(step.eventId());
        return new QuarterlyLifecycle(latest ? stageAfter(step.kind()) : stage, first, submitted,
                latest ? step.eventId() : lastEventId, latest ? at : lastRecordedAt, ids);
    }

    public static QuarterlyLifecycle fold(List<LifecycleStep> steps) {
        QuarterlyLifecycle lifecycle = NOT_STARTED;
        for (LifecycleStep step : steps) {
            lifecycle = lifecycle.after(step);
        }
        return lifecycle;
    }

    private static Stage stageAfter(LifecycleStep.Kind kind) {
        return switch (kind) {
            case SUBMITTED -> Stage.SUBMITTED;
            case ACCEPTED -> Stage.ACCEPTED;
            case RETURNED -> Stage.RETURNED;
        };
    }
}
