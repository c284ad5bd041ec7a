package cn.gov.planwatch.indicator.observation.internal;

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

/**
 * Folds the indicator topic into the observations read model. The offset is committed after the
 * database transaction, so a crash in between redelivers the event — and the event-id key makes the
 * second application a no-op.
 */
@Component
class ObservationProjector {

    static final String LISTENER = "indicator-observations";

    private static final Logger log = LoggerFactory.getLogger(ObservationProjector.class);

    private final JdbcObservationStore store;
    private final MeterRegistry meters;

    ObservationProjector(JdbcObservationStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    @KafkaListener(id = LISTENER, idIsGroup = false, topics = Topics.INDICATOR_EVENTS)
    @Transactional
    void on(PlanEvent event) {
        if (event instanceof ObservationReported reported) {
            boolean applied = store.apply(reported);
            // The log line carries the event's trace id (listener observation), to follow a report end to end.
            log.info("{} {} {} {}/{} trace={}", applied ? "applied" : "already applied", reported.eventId(),
                    reported.plan(), reported.indicator(), reported.period(), reported.traceId());
            if (!applied) {
                Redeliveries.count(meters, LISTENER);
            }
        }
    }
}
