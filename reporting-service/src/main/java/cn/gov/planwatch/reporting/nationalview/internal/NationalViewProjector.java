package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.platform.eventlog.ProjectionBatches;
import cn.gov.planwatch.platform.observability.Redeliveries;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Folds the indicator topic into the national view, a polled batch per database transaction, which also records
 * the batch's event ids.
 */
@Component
class NationalViewProjector {

    static final String LISTENER = "national-view-indicators";

    private static final Logger log = LoggerFactory.getLogger(NationalViewProjector.class);

    private final NationalViewStore store;
    private final ProjectionBatches batches;
    private final MeterRegistry meters;

    NationalViewProjector(NationalViewStore store, ProjectionBatches batches, MeterRegistry meters) {
        this.store = store;
        this.batches = batches;
        this.meters = meters;
    }

    @KafkaListener(id = LISTENER, idIsGroup = false, topics = Topics.INDICATOR_EVENTS, batch = "true",
            concurrency = ProjectionBatches.ONE_CONSUMER_PER_PARTITION)
    void on(List<ConsumerRecord<String, PlanEvent>> records) {
        batches.fold(LISTENER, records, this::fold);
    }

    /** Folds the events in the caller's transaction. */
    void fold(List<PlanEvent> events) {
        List<ObservationReported> reports = ProjectionBatches.only(ObservationReported.class, events);
        Redeliveries.count(meters, LISTENER, reports, store.foldAll(reports), (reported, now) -> {
            if (!now) {
                // Only the skips are logged: a redelivery is rare, and its event id is what an operator looks for.
                log.info("already applied {} {}/{}", reported.eventId(), reported.indicator(), reported.period());
            }
        });
    }
}
