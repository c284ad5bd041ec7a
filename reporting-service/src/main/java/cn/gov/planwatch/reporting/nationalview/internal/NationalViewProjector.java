package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.platform.observability.Redeliveries;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Folds each event into the national view in the same transaction that records its event id. */
@Component
class NationalViewProjector {

    static final String LISTENER = "national-view-indicators";

    private static final Logger log = LoggerFactory.getLogger(NationalViewProjector.class);

    private final NationalViewStore store;
    private final MeterRegistry meters;

    NationalViewProjector(NationalViewStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    @KafkaListener(id = LISTENER, idIsGroup = false, topics = Topics.INDICATOR_EVENTS)
    @Transactional
    void on(PlanEvent event) {
        if (event instanceof ObservationReported reported && !store.fold(reported)) {
            // Only the skips are logged: a redelivery is rare, and its event id is what an operator looks for.
            log.info("already applied {} {}/{}", reported.eventId(), reported.indicator(), reported.period());
            Redeliveries.count(meters, LISTENER);
        }
    }
}
