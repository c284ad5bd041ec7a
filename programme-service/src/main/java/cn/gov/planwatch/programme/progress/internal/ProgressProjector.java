package cn.gov.planwatch.programme.progress.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.platform.eventlog.ProjectionBatches;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Folds the programme topic into the progress read model, a polled batch per database transaction. The offsets are
 * committed after that transaction, so a crash in between redelivers the events — and the event-id key makes the second
 * application a no-op.
 */
@Component
class ProgressProjector {

    static final String LISTENER_ID = "programme-progress";

    private final JdbcProgressStore store;
    private final ProjectionBatches batches;

    ProgressProjector(JdbcProgressStore store, ProjectionBatches batches) {
        this.batches = batches;
        this.store = store;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.PROGRAMME_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, PlanEvent>> records) {
        batches.fold(LISTENER_ID, records, this::fold);
    }

    /** Folds the events in the caller's transaction, the batch's reports in one statement. */
    void fold(List<PlanEvent> events) {
        store.applyAll(ProjectionBatches.only(ProgressReported.class, events));
    }
}
