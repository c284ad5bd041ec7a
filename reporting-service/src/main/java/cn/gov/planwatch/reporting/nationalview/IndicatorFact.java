package cn.gov.planwatch.reporting.nationalview;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One reported value as the national view knows it, with the event behind it.
 *
 * @param actor who acted through the client: the person who logged in, or the client itself
 */
public record IndicatorFact(UUID eventId, String indicator, String period, BigDecimal value, String agency,
        String clientId, String actor, Instant recordedAt, int revision) {
}
