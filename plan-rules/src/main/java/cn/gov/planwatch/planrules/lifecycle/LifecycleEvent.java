package cn.gov.planwatch.planrules.lifecycle;

import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One step of an agency's quarterly update, as the lifecycle folds it: a submission by the agency, or an acceptance
 * or a return by the lead agency. {@code reviewer} is set for a review, {@code reason} and {@code items} for a
 * return only.
 */
public record LifecycleEvent(Kind kind, UUID eventId, Instant recordedAt, String reviewer, String reason,
        List<String> items) {

    public enum Kind { SUBMITTED, ACCEPTED, RETURNED }

    public LifecycleEvent {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The step a published lifecycle event records. */
    public static LifecycleEvent of(QuarterlyUpdateEvent event) {
        if (event instanceof QuarterlyUpdateSubmitted) {
            return new LifecycleEvent(Kind.SUBMITTED, event.eventId(), event.recordedAt(), null, null, List.of());
        }
        if (event instanceof QuarterlyUpdateAccepted accepted) {
            return new LifecycleEvent(Kind.ACCEPTED, event.eventId(), event.recordedAt(), accepted.reviewer(), null,
                    List.of());
        }
        if (event instanceof QuarterlyUpdateReturned returned) {
            return new LifecycleEvent(Kind.RETURNED, event.eventId(), event.recordedAt(), returned.reviewer(),
                    returned.reason(), returned.items());
        }
        throw new IllegalArgumentException("not a lifecycle event: " + event);
    }
}
