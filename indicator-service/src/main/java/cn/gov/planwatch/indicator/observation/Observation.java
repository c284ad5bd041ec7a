package cn.gov.planwatch.indicator.observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One report as the read model keeps it: the period it describes, the instant it was recorded, and
 * whether it is still the current value of its period ({@code false} once a revision supersedes it).
 */
public record Observation(UUID eventId, String indicator, String agency, String period, BigDecimal value,
        String comment, String source, String unit, Instant recordedAt, int revision, boolean current) {
}
