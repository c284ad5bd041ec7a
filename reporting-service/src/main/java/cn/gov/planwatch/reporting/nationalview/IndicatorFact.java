package cn.gov.planwatch.reporting.nationalview;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One reported value as the national view knows it, with the event behind it. */
public record IndicatorFact(UUID eventId, String indicator, String period, BigDecimal value, String agency,
        String clientId, Instant recordedAt, int revision) {
}
