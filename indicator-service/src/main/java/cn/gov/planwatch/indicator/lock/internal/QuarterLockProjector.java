package cn.gov.planwatch.indicator.lock.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.platform.eventlog.FewEventsFetch;
import cn.gov.planwatch.platform.eventlog.ProjectionBatches;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Learns which agencies' quarters the lead agency has accepted (or returned) from the quarterly update
 * topic, which programme-service writes. Runs in the service's consumer group under its own listener id.
 */
@Component
class QuarterLockProjector {

    static final String LISTENER = "indicator-quarter-locks";

    private final JdbcQuarterLocks locks;
    private final ProjectionBatches batches;

    QuarterLockProjector(JdbcQuarterLocks locks, ProjectionBatches batches) {
        this.batches = batches;
        this.locks = locks;
    }

    @KafkaListener(id = LISTENER, idIsGroup = false, topics = Topics.QUARTERLY_UPDATE_EVENTS, batch = "true",
            properties = {FewEventsFetch.ANSWER_AT_FIRST_EVENT, FewEventsFetch.WAIT_WHEN_IDLE})
    void on(List<ConsumerRecord<String, PlanEvent>> records) {
        batches.fold(LISTENER, records, events -> events.forEach(this::on));
    }

    /** Folds one event in the caller's transaction. */
    void on(PlanEvent event) {
        if (event instanceof QuarterlyUpdateEvent step) {
            locks.apply(step);
        }
    }
}
