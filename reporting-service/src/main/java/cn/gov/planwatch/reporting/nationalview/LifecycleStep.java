package cn.gov.planwatch.reporting.nationalview;

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

    public enum Kind { SUBMITTED, ACCEPTED, RETURNED }

    public LifecycleStep {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
