package cn.gov.planwatch.contracts.programme;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.plan.PlanId;

import java.time.Instant;
import java.util.UUID;

/**
 * The lead agency accepted the agency's update for the quarter: the quarter is locked for that agency,
 * in every service — later progress reports, indicator values and submissions for it are refused.
 *
 * @param reviewer the reviewing agency's code (from the lead's token)
 */
public record QuarterlyUpdateAccepted(
        UUID eventId,
        String plan,
        String agency,
        String quarter,
        String reviewer,
        String clientId,
        String traceId,
        Instant recordedAt,
        String actor) implements QuarterlyUpdateEvent {

    private static final String NAME = "cn.gov.planwatch.programme.QuarterlyUpdateAccepted";

    /** The first version, without the plan; its JSON binds onto the record with the plan read as the old one. */
    public static final EventType V1 = EventType.current(NAME, 1, Topics.QUARTERLY_UPDATE_EVENTS,
            QuarterlyUpdateAccepted.class);

    public static final EventType V2 = EventType.current(NAME, 2, Topics.QUARTERLY_UPDATE_EVENTS,
            QuarterlyUpdateAccepted.class);

    public QuarterlyUpdateAccepted {
        plan = PlanId.ofEvent(plan);
        actor = actor == null ? clientId : actor;
    }

    /** The client acted for itself. */
    public QuarterlyUpdateAccepted(UUID eventId, String plan, String agency, String quarter, String reviewer,
            String clientId, String traceId, Instant recordedAt) {
        this(eventId, plan, agency, quarter, reviewer, clientId, traceId, recordedAt, clientId);
    }
}
