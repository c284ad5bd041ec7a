package cn.gov.planwatch.contracts.indicator;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.plan.PlanId;

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
 * @param unit     (v2) the catalogue unit code the value is expressed in, so the event stays
 *                 self-describing if a later catalogue changes the unit; null in v1 events
 * @param unitConfirmed (v2) whether the reporter named the unit and it matched; false in v1 events
 * @param plan     (v3) the plan the indicator belongs to; events written before events named their plan read as
 *                 {@link PlanId#OF_EVENTS_BEFORE_PLANS}
 * @param actor    who acted through the client: the token's subject — the person who logged in, or the client
 *                 itself for a client_credentials token. Events written before it was recorded read as the client.
 */
public record ObservationReported(
        UUID eventId,
        String plan,
        String indicator,
        String period,
        BigDecimal value,
        String comment,
        String source,
        String agency,
        String clientId,
        String traceId,
        Instant recordedAt,
        String unit,
        boolean unitConfirmed,
        String actor) implements PlanEvent {

    private static final String NAME = "cn.gov.planwatch.indicator.ObservationReported";

    /** The first version, without unit fields; still read wherever it remains in the log. */
    public static final EventType V1 = new EventType(NAME, 1, Topics.INDICATOR_EVENTS, ObservationReported.class,
            (mapper, data) -> mapper.readValue(data, V1Body.class).upcast());

    /** The second version, without the plan; its JSON reads onto the record with the plan read as the old one. */
    public static final EventType V2 = new EventType(NAME, 2, Topics.INDICATOR_EVENTS, ObservationReported.class,
            ObservationReportedBody::read);

    public static final EventType V3 = new EventType(NAME, 3, Topics.INDICATOR_EVENTS, ObservationReported.class,
            ObservationReportedBody::read);

    public ObservationReported {
        plan = PlanId.ofEvent(plan);
        actor = actor == null ? clientId : actor;
    }

    /** The client acted for itself. */
    public ObservationReported(UUID eventId, String plan, String indicator, String period, BigDecimal value,
            String comment, String source, String agency, String clientId, String traceId, Instant recordedAt,
            String unit, boolean unitConfirmed) {
        this(eventId, plan, indicator, period, value, comment, source, agency, clientId, traceId, recordedAt, unit,
                unitConfirmed, clientId);
    }

    /** The JSON body of a v1 event. */
    record V1Body(UUID eventId, String indicator, String period, BigDecimal value, String comment, String source,
            String agency, String clientId, String traceId, Instant recordedAt) {

        ObservationReported upcast() {
            return new ObservationReported(eventId, null, indicator, period, value, comment, source, agency, clientId,
                    traceId, recordedAt, null, false, clientId);
        }
    }

    @Override
    public String partitionKey() {
        return indicator;
    }

    @Override
    public String subject() {
        return indicator + "/" + period;
    }
}
