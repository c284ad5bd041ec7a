package cn.gov.planwatch.contracts.programme;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.Topics;

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
        String agency,
        String quarter,
        String reviewer,
        String clientId,
        String traceId,
        Instant recordedAt,
        String actor) implements QuarterlyUpdateEvent {

    public static final EventType V1 = EventType.current("cn.gov.planwatch.programme.QuarterlyUpdateAccepted", 1,
            Topics.QUARTERLY_UPDATE_EVENTS, QuarterlyUpdateAccepted.class);

    public QuarterlyUpdateAccepted {
        actor = actor == null ? clientId : actor;
    }

    /** The client acted for itself. */
    public QuarterlyUpdateAccepted(UUID eventId, String agency, String quarter, String reviewer, String clientId,
            String traceId, Instant recordedAt) {
        this(eventId, agency, quarter, reviewer, clientId, traceId, recordedAt, clientId);
    }
}
