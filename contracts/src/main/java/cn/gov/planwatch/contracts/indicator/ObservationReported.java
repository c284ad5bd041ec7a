package cn.gov.planwatch.contracts.indicator;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An agency reported a value of an indicator for a period ({@code YYYY} or {@code YYYY-Qn}).
 * A later report for the same indicator and period is a revision that supersedes this one.
 *
 * @param value    in the indicator's own unit, never converted
 * @param agency   the reporting agency's code (from the token, never from the body)
 * @param clientId the OAuth client that made the request, for audit
 * @param traceId  the request's trace id, to follow a report from the gateway to every projector
 */
public record ObservationReported(
        UUID eventId,
        String indicator,
        String period,
        BigDecimal value,
        String comment,
        String source,
        String agency,
        String clientId,
        String traceId,
        Instant recordedAt) implements PlanEvent {

    public static final EventType V1 = EventType.current(
            "cn.gov.planwatch.indicator.ObservationReported", 1, Topics.INDICATOR_EVENTS, ObservationReported.class);

    @Override
    public String partitionKey() {
        return indicator;
    }

    @Override
    public String subject() {
        return indicator + "/" + period;
    }
}
