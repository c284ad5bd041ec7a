package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the indicator topic into the observations read model. The offset is committed after the
 * database transaction, so a crash in between redelivers the event — and the event-id key makes the
 * second application a no-op.
 */
@Component
class ObservationProjector {

    private final JdbcObservationStore store;

    ObservationProjector(JdbcObservationStore store) {
        this.store = store;
    }

    @KafkaListener(id = "indicator-observations", idIsGroup = false, topics = Topics.INDICATOR_EVENTS)
    @Transactional
    void on(PlanEvent event) {
        if (event instanceof ObservationReported reported) {
            store.apply(reported);
        }
    }
}
