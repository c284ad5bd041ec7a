package cn.gov.planwatch.programme.quarterly.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.programme.quarterly.QuarterlyUpdateLedger;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the quarterly update topic into the lifecycle state. Events this service wrote were usually
 * recorded by their request already, and change nothing here; the projector is what rebuilds the
 * state from the log, and what catches an event whose request could not commit after the append.
 */
@Component
class QuarterlyUpdateProjector {

    static final String LISTENER_ID = "programme-quarterly-updates";

    private final QuarterlyUpdateLedger ledger;

    QuarterlyUpdateProjector(QuarterlyUpdateLedger ledger) {
        this.ledger = ledger;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.QUARTERLY_UPDATE_EVENTS)
    @Transactional
    void on(PlanEvent event) {
        if (event instanceof QuarterlyUpdateEvent step) {
            ledger.record(step);
        }
    }
}
