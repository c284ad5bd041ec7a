package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Folds each event into the national view in the same transaction that records its event id. */
@Component
class NationalViewProjector {

    private final NationalViewStore store;

    NationalViewProjector(NationalViewStore store) {
        this.store = store;
    }

    @KafkaListener(id = "national-view-indicators", idIsGroup = false, topics = Topics.INDICATOR_EVENTS)
    @Transactional
    void on(PlanEvent event) {
        if (event instanceof ObservationReported reported) {
            store.fold(reported);
        }
    }
}
