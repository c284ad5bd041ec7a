package cn.gov.planwatch.platform.eventlog;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of the event a write appends, and whether the write resends an earlier attempt. A write under an
 * {@code Idempotency-Key} takes the id claimed with the key: a resend after an unknown outcome (the service died
 * mid-answer, the log did not confirm) then appends an event with the same id, which every read model applies
 * once — whether or not the first attempt reached the log. A write of several events derives their ids from this one.
 *
 * @param eventId   the id of the one event the write appends
 * @param resending whether an earlier attempt with this id may be in the log already: only then is it worth looking up
 */
public record EventClaim(UUID eventId, boolean resending) {

    public EventClaim {
        Objects.requireNonNull(eventId, "eventId");
    }

    /** A write no key was claimed for: a new id, never sent before. */
    public static EventClaim fresh() {
        return new EventClaim(UUID.randomUUID(), false);
    }
}
