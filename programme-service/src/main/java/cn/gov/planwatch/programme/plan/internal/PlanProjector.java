package cn.gov.planwatch.programme.plan.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.plan.PlanLifecycleEvent;
import cn.gov.planwatch.platform.eventlog.FewEventsFetch;
import cn.gov.planwatch.programme.plan.PlanBook;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the plan topic into the plans read model. The offset is committed after the database transaction; a
 * redelivered event (or one the writing request already recorded) changes nothing.
 */
@Component
class PlanProjector {

    static final String LISTENER_ID = "programme-plans";

    /**
     * A group of its own: a plan arrives rarely, and its listener joining or leaving need not pause the projections
     * of the reports.
     */
    static final String GROUP = "programme-service.plans";

    private final PlanBook book;

    PlanProjector(PlanBook book) {
        this.book = book;
    }

    @KafkaListener(id = LISTENER_ID, groupId = GROUP, topics = Topics.PLAN_EVENTS,
            properties = {FewEventsFetch.ANSWER_AT_FIRST_EVENT, FewEventsFetch.WAIT_WHEN_IDLE})
    @Transactional
    void on(PlanEvent event) {
        if (event instanceof PlanLifecycleEvent step) {
            book.record(step);
        }
    }
}
