package cn.gov.planwatch.indicator.observation.internal;

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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the indicator topic into the observations read model, a polled batch per database transaction. The
 * offsets are committed after that transaction, so a crash in between redelivers the events — and the event-id
 * key makes the second application a no-op.
 */
@Component
class ObservationProjector {

    static final String LISTENER = "indicator-observations";

    private static final Logger log = LoggerFactory.getLogger(ObservationProjector.class);

    private final JdbcObservationStore store;
    private final ProjectionBatches batches;
    private final MeterRegistry meters;

    ObservationProjector(JdbcObservationStore store, ProjectionBatches batches, MeterRegistry meters) {
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
        Map<String, List<ObservationReported>> appliedByTrace = new LinkedHashMap<>();
        Redeliveries.count(meters, LISTENER, reports, store.applyAll(reports), (reported, now) -> {
            if (now) {
                appliedByTrace.computeIfAbsent(String.valueOf(reported.traceId()), trace -> new ArrayList<>())
                        .add(reported);
            } else {
                log.info("already applied {} {} {}/{} trace={}", reported.eventId(), reported.plan(),
                        reported.indicator(), reported.period(), reported.traceId());
            }
        });
        // The log carries each request's trace id, to follow a report end to end: one line per request's reports in
        // the batch, since a bulk submission's rows share their request's trace and a line each would be thousands.
        appliedByTrace.forEach((trace, applied) -> {
            ObservationReported first = applied.get(0);
            if (applied.size() == 1) {
                log.info("applied {} {} {}/{} trace={}", first.eventId(), first.plan(), first.indicator(),
                        first.period(), trace);
            } else {
                ObservationReported last = applied.get(applied.size() - 1);
                log.info("applied {} reports of {}, {} {}/{} to {} {}/{} trace={}", applied.size(), first.plan(),
                        first.eventId(), first.indicator(), first.period(), last.eventId(), last.indicator(),
                        last.period(), trace);
            }
        });
    }
}
