package cn.gov.planwatch.platform.eventlog;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of the event a write appends, whether the write resends an earlier attempt, and whether it has handed its
 * event to the log yet. A write under an {@code Idempotency-Key} takes the id claimed with the key: a resend after an
 * unknown outcome (the service died mid-answer, the log did not confirm) then appends an event with the same id,
 * which every read model applies once — whether or not the first attempt reached the log. A write of several events
 * derives their ids from this one.
 * <p>
 * Once the event log has been handed the write's event, a failure of the write can no longer be answered "nothing
 * was recorded": the claim says so to whoever answers the failure.
 */
public final class EventClaim {

    private final UUID eventId;
    private final boolean resending;
    private volatile boolean handedToLog;

    /**
     * @param eventId   the id of the one event the write appends
     * @param resending whether an earlier attempt with this id may be in the log already: only then is it worth
     *                  looking up
     */
    public EventClaim(UUID eventId, boolean resending) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.resending = resending;
    }

    /** A write no key was claimed for, at {@code now}: a new id, never sent before. */
    public static EventClaim fresh(Instant now) {
        return new EventClaim(EventIds.madeAt(now), false);
    }

    public UUID eventId() {
        return eventId;
    }

    public boolean resending() {
        return resending;
    }

    /** Whether the write has handed an event to the log: from then on it may be recorded, whatever fails next. */
    public boolean handedToLog() {
        return handedToLog;
    }

    /** The event log takes the write's event (or events). */
    void handOver() {
        handedToLog = true;
    }

    @Override
    public String toString() {
        return "EventClaim[eventId=" + eventId + ", resending=" + resending + ", handedToLog=" + handedToLog + "]";
    }
}
