package cn.gov.planwatch.programme.progress.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the programme topic into the progress read model. The offset is committed after the database
 * transaction, so a crash in between redelivers the event — and the event-id key makes the second
 * application a no-op.
 */
@Component
class ProgressProjector {

    static final String LISTENER_ID = "programme-progress";

    private final JdbcProgressStore store;

    ProgressProjector(JdbcProgressStore store) {
        this.store = store;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.PROGRAMME_EVENTS)
    @Transactional
    void on(PlanEvent event) {
        if (event instanceof ProgressReported reported) {
            store.apply(reported);
        }
    }
}
