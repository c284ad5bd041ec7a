package cn.gov.planwatch.contracts.programme;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.Topics;

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
        String agency,
        String quarter,
        String reviewer,
        String reason,
        List<String> items,
        String clientId,
        String traceId,
        Instant recordedAt,
        String actor) implements QuarterlyUpdateEvent {

    public static final EventType V1 = EventType.current("cn.gov.planwatch.programme.QuarterlyUpdateReturned", 1,
            Topics.QUARTERLY_UPDATE_EVENTS, QuarterlyUpdateReturned.class);

    public QuarterlyUpdateReturned {
        items = items == null ? List.of() : List.copyOf(items);
        actor = actor == null ? clientId : actor;
    }

    /** The client acted for itself. */
    public QuarterlyUpdateReturned(UUID eventId, String agency, String quarter, String reviewer, String reason,
            List<String> items, String clientId, String traceId, Instant recordedAt) {
        this(eventId, agency, quarter, reviewer, reason, items, clientId, traceId, recordedAt, clientId);
    }
}
