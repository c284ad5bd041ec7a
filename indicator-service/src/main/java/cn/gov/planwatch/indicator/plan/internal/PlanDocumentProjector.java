package cn.gov.planwatch.indicator.plan.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.plan.PlanClosed;
import cn.gov.planwatch.contracts.plan.PlanDocumentEvent;
import cn.gov.planwatch.platform.eventlog.FewEventsFetch;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the plan topic into this service's plan documents and closures. A closed plan keeps its indicators: its
 * closure only stops new reports. The offset is committed after the database transaction.
 */
@Component
class PlanDocumentProjector {

    private final JdbcKnownPlans plans;

    PlanDocumentProjector(JdbcKnownPlans plans) {
        this.plans = plans;
    }

    /** A group of its own, so that a plan arriving does not pause the projection of the observations. */
    @KafkaListener(id = "indicator-plans", groupId = "indicator-service.plans", topics = Topics.PLAN_EVENTS,
            properties = {FewEventsFetch.ANSWER_AT_FIRST_EVENT, FewEventsFetch.WAIT_WHEN_IDLE})
    @Transactional
    void on(PlanEvent event) {
        if (event instanceof PlanDocumentEvent version) {
            plans.keep(version);
        } else if (event instanceof PlanClosed closure) {
            plans.keep(closure);
        }
    }
}
