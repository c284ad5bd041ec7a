package cn.gov.planwatch.contracts.programme;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.plan.PlanId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The lead agency returned the agency's update for the quarter for revision: the quarter is open
 * again until the agency submits it anew. Readers fold the lifecycle in log order, so a return that
 * follows an acceptance unlocks the quarter.
 *
 * @param reviewer the reviewing agency's code (from the lead's token)
 * @param items    what needs revising: indicator codes and programme slugs of the catalogue
 */
public record QuarterlyUpdateReturned(
        UUID eventId,
        String plan,
        String agency,
        String quarter,
        String reviewer,
        String reason,
        List<String> items,
        String clientId,
        String traceId,
        Instant recordedAt,
        String actor) implements QuarterlyUpdateEvent {

    private static final String NAME = "cn.gov.planwatch.programme.QuarterlyUpdateReturned";

    /** The first version, without the plan; its JSON binds onto the record with the plan read as the old one. */
    public static final EventType V1 = EventType.current(NAME, 1, Topics.QUARTERLY_UPDATE_EVENTS,
            QuarterlyUpdateReturned.class);

    public static final EventType V2 = EventType.current(NAME, 2, Topics.QUARTERLY_UPDATE_EVENTS,
            QuarterlyUpdateReturned.class);

    public QuarterlyUpdateReturned {
        plan = PlanId.ofEvent(plan);
        items = items == null ? List.of() : List.copyOf(items);
        actor = actor == null ? clientId : actor;
    }

    /** The client acted for itself. */
    public QuarterlyUpdateReturned(UUID eventId, String plan, String agency, String quarter, String reviewer,
            String reason, List<String> items, String clientId, String traceId, Instant recordedAt) {
        this(eventId, plan, agency, quarter, reviewer, reason, items, clientId, traceId, recordedAt, clientId);
    }
}
