package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.planrules.lifecycle.LifecycleEvent;
import cn.gov.planwatch.planrules.lifecycle.LifecycleEvent.Kind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One step of an agency's quarterly update as the national view knows it, with the event behind it.
 *
 * @param actor who acted through the client: the person who logged in, or the client itself
 * @param step  1, 2, … within the agency's quarter, in arrival order
 */
public record LifecycleStep(UUID eventId, String agency, String quarter, Kind kind, String reviewer, String reason,
        List<String> items, String clientId, String actor, Instant recordedAt, int step) {

    public LifecycleStep {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The step as the lifecycle folds it. */
    public LifecycleEvent event() {
        return new LifecycleEvent(kind, eventId, recordedAt, reviewer, reason, items);
    }
}
