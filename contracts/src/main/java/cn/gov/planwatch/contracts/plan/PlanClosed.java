package cn.gov.planwatch.contracts.plan;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The plan's lead agency closed the plan: from {@code recordedAt} on, nothing more is reported to it; what was
 * reported stays readable.
 *
 * @param reason why, in the lead agency's words; may be null
 */
public record PlanClosed(
        UUID eventId,
        String plan,
        String reason,
        String clientId,
        String traceId,
        Instant recordedAt,
        String actor) implements PlanLifecycleEvent {

    public static final EventType V1 = EventType.current("cn.gov.planwatch.plan.PlanClosed", 1,
            Topics.PLAN_EVENTS, PlanClosed.class);

    public PlanClosed {
        new PlanId(plan);
    }

    @Override
    public String subject() {
        return plan;
    }
}
