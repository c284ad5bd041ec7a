package cn.gov.planwatch.contracts.programme;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * The agency declared its update for the quarter complete; it now awaits the lead agency's review.
 * {@code recordedAt} is what the deadline is measured against.
 */
public record QuarterlyUpdateSubmitted(
        UUID eventId,
        String agency,
        String quarter,
        String clientId,
        String traceId,
        Instant recordedAt,
        String actor) implements QuarterlyUpdateEvent {

    public static final EventType V1 = EventType.current("cn.gov.planwatch.programme.QuarterlyUpdateSubmitted", 1,
            Topics.QUARTERLY_UPDATE_EVENTS, QuarterlyUpdateSubmitted.class);

    public QuarterlyUpdateSubmitted {
        actor = actor == null ? clientId : actor;
    }

    /** The client acted for itself. */
    public QuarterlyUpdateSubmitted(UUID eventId, String agency, String quarter, String clientId, String traceId,
            Instant recordedAt) {
        this(eventId, agency, quarter, clientId, traceId, recordedAt, clientId);
    }
}
