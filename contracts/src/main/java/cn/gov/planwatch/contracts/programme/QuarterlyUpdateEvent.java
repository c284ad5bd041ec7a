package cn.gov.planwatch.contracts.programme;

import cn.gov.planwatch.contracts.PlanEvent;

/**
 * A step in the life of one agency's quarterly update: submitted by the agency, then accepted or
 * returned by the lead agency. Keyed by agency, so the steps of one agency keep their order.
 */
public sealed interface QuarterlyUpdateEvent extends PlanEvent
        permits QuarterlyUpdateSubmitted, QuarterlyUpdateAccepted, QuarterlyUpdateReturned {

    /**
     * The plan the update reports on; events written before events named their plan read as
     * {@link cn.gov.planwatch.contracts.plan.PlanId#OF_EVENTS_BEFORE_PLANS}.
     */
    String plan();

    /** The agency whose update this is. */
    String agency();

    /** {@code YYYY-Qn}. */
    String quarter();

    /** The OAuth client that made the request, for audit. */
    String clientId();

    /** The request's trace id. */
    String traceId();

    /**
     * Who acted through the client: the token's subject — the person who logged in, or the client itself for a
     * client_credentials token. Events written before it was recorded read as the client.
     */
    String actor();

    @Override
    default String partitionKey() {
        return agency();
    }

    @Override
    default String subject() {
        return agency() + "/" + quarter();
    }
}
