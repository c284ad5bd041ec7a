package cn.gov.planwatch.contracts.plan;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.Topics;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A plan was amended: from {@code recordedAt} on, this document is in force in place of
 * {@code previousVersion}; before that instant the previous one still is, so a view as of then is unchanged.
 *
 * @param version         equal to the document's {@code plan.version}, above {@code previousVersion}
 * @param previousVersion the version this one replaces
 * @param document        the whole amended plan document as JSON, not a difference
 */
public record PlanAmended(
        UUID eventId,
        String plan,
        int version,
        int previousVersion,
        JsonNode document,
        String clientId,
        String traceId,
        Instant recordedAt,
        String actor) implements PlanDocumentEvent {

    public static final EventType V1 = EventType.current("cn.gov.planwatch.plan.PlanAmended", 1,
            Topics.PLAN_EVENTS, PlanAmended.class);

    public PlanAmended {
        PlanDocumentEvent.requireConsistent(plan, version, document);
        if (previousVersion < 1 || previousVersion >= version) {
            throw new IllegalArgumentException("an amendment raises the version: " + previousVersion + " → " + version);
        }
    }
}
