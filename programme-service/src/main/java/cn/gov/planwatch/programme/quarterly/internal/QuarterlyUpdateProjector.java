package cn.gov.planwatch.programme.quarterly.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.platform.eventlog.FewEventsFetch;
import cn.gov.planwatch.platform.eventlog.ProjectionBatches;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.programme.quarterly.QuarterlyUpdateLedger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Folds the quarterly update topic into the lifecycle state. Events this service wrote were usually
 * recorded by their request already, and change nothing here; the projector is what rebuilds the
 * state from the log, and what catches an event whose request could not commit after the append.
 */
@Component
class QuarterlyUpdateProjector {

    static final String LISTENER_ID = "programme-quarterly-updates";

    private final QuarterlyUpdateLedger ledger;
    private final ProjectionBatches batches;

    QuarterlyUpdateProjector(QuarterlyUpdateLedger ledger, ProjectionBatches batches) {
        this.batches = batches;
        this.ledger = ledger;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.QUARTERLY_UPDATE_EVENTS, batch = "true",
            properties = {FewEventsFetch.ANSWER_AT_FIRST_EVENT, FewEventsFetch.WAIT_WHEN_IDLE})
    void on(List<ConsumerRecord<String, PlanEvent>> records) {
        batches.fold(LISTENER_ID, records, events -> events.forEach(this::on));
    }

    /** Folds one event in the caller's transaction. */
    void on(PlanEvent event) {
        if (event instanceof QuarterlyUpdateEvent step) {
            ledger.record(step);
        }
    }
}
