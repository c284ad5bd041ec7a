package cn.gov.planwatch.contracts.plan;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.Topics;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A plan was published: from {@code recordedAt} on, the plan exists with this document, validated by the
 * catalogue's rules before it was recorded.
 *
 * @param plan     the plan's id, equal to the document's {@code plan.id}
 * @param version  equal to the document's {@code plan.version}
 * @param document the whole plan document as JSON
 */
public record PlanPublished(
        UUID eventId,
        String plan,
        int version,
        JsonNode document,
        String clientId,
        String traceId,
        Instant recordedAt,
        String actor) implements PlanDocumentEvent {

    public static final EventType V1 = EventType.current("cn.gov.planwatch.plan.PlanPublished", 1,
            Topics.PLAN_EVENTS, PlanPublished.class);

    public PlanPublished {
        PlanDocumentEvent.requireConsistent(plan, version, document);
    }
}
