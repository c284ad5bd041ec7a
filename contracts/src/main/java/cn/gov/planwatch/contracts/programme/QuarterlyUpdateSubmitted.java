package cn.gov.planwatch.contracts.programme;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.plan.PlanId;

import java.time.Instant;
import java.util.UUID;

/**
 * The agency declared its update for the quarter complete; it now awaits the lead agency's review.
 * {@code recordedAt} is what the deadline is measured against.
 */
public record QuarterlyUpdateSubmitted(
        UUID eventId,
        String plan,
        String agency,
        String quarter,
        String clientId,
        String traceId,
        Instant recordedAt,
        String actor) implements QuarterlyUpdateEvent {

    private static final String NAME = "cn.gov.planwatch.programme.QuarterlyUpdateSubmitted";

    /** The first version, without the plan; its JSON binds onto the record with the plan read as the old one. */
    public static final EventType V1 = EventType.current(NAME, 1, Topics.QUARTERLY_UPDATE_EVENTS,
            QuarterlyUpdateSubmitted.class);

    public static final EventType V2 = EventType.current(NAME, 2, Topics.QUARTERLY_UPDATE_EVENTS,
            QuarterlyUpdateSubmitted.class);

    public QuarterlyUpdateSubmitted {
        plan = PlanId.ofEvent(plan);
        actor = actor == null ? clientId : actor;
    }

    /** The client acted for itself. */
    public QuarterlyUpdateSubmitted(UUID eventId, String plan, String agency, String quarter, String clientId,
            String traceId, Instant recordedAt) {
        this(eventId, plan, agency, quarter, clientId, traceId, recordedAt, clientId);
    }
}
