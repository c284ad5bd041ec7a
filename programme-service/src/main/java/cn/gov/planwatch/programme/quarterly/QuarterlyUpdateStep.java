package cn.gov.planwatch.programme.quarterly;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One lifecycle event as the history shows it: {@code kind} is SUBMITTED, ACCEPTED or RETURNED; {@code actor} is
 * who acted through the client (the person who logged in, or the client itself).
 */
public record QuarterlyUpdateStep(UUID eventId, String kind, String agency, String quarter, String reviewer,
        String reason, List<String> items, String clientId, String actor, Instant recordedAt) {
}
