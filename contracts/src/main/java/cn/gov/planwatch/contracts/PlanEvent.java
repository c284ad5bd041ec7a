package cn.gov.planwatch.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact PlanWatch has recorded in its event log. Implementations are immutable records;
 * their JSON form is the CloudEvents data, their metadata the {@code ce_*} headers.
 */
public interface PlanEvent {

    /** Unique per event; read models store it under a unique constraint to apply each event once. */
    UUID eventId();

    /** The instant the system recorded the fact (the CloudEvents {@code time}). */
    Instant recordedAt();

    /** The Kafka record key: events with the same key keep their order. */
    String partitionKey();

    /** What the event is about, e.g. an indicator code and period (the CloudEvents {@code subject}). */
    String subject();
}
