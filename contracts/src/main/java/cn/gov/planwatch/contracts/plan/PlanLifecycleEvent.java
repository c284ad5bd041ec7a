package cn.gov.planwatch.contracts.plan;

import cn.gov.planwatch.contracts.PlanEvent;

/**
 * A step in the life of one plan: published, amended, closed. Keyed by plan id, so the steps of one plan keep
 * their order and every service folds them in the order they were recorded.
 */
public sealed interface PlanLifecycleEvent extends PlanEvent permits PlanDocumentEvent, PlanClosed {

    /** The plan's id ({@link PlanId}). */
    String plan();

    /** The OAuth client that made the request, for audit; null when the product published the plan itself. */
    String clientId();

    /** The request's trace id. */
    String traceId();

    /** Who acted: the token's subject, or the product itself for the plan it ships with. */
    String actor();

    @Override
    default String partitionKey() {
        return plan();
    }
}
