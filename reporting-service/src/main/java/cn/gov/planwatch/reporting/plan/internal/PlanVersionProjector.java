package cn.gov.planwatch.reporting.plan.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.plan.PlanClosed;
import cn.gov.planwatch.contracts.plan.PlanDocumentEvent;
import cn.gov.planwatch.platform.eventlog.FewEventsFetch;
import cn.gov.planwatch.platform.observability.Redeliveries;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the plan topic into the plan versions, so a plan published or amended while the service runs is reported on
 * at once. The offset is committed after the database transaction.
 */
@Component
class PlanVersionProjector {

    static final String LISTENER = "reporting-plans";

    private final JdbcPlansInForce plans;
    private final MeterRegistry meters;

    PlanVersionProjector(JdbcPlansInForce plans, MeterRegistry meters) {
        this.plans = plans;
        this.meters = meters;
    }

    /** A group of its own, so that a plan arriving does not pause the projection of the reports. */
    @KafkaListener(id = LISTENER, groupId = "reporting-service.plans", topics = Topics.PLAN_EVENTS,
            properties = {FewEventsFetch.ANSWER_AT_FIRST_EVENT, FewEventsFetch.WAIT_WHEN_IDLE})
    @Transactional
    void on(PlanEvent event) {
        boolean redelivered = event instanceof PlanDocumentEvent version ? !plans.keep(version)
                : event instanceof PlanClosed closed && !plans.keep(closed);
        if (redelivered) {
            Redeliveries.count(meters, LISTENER);
        }
    }
}
