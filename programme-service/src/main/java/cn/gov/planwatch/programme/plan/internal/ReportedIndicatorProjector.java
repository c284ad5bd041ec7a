package cn.gov.planwatch.programme.plan.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.platform.eventlog.ProjectionBatches;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Folds the indicator topic into the indicators with observations of each plan, a polled batch per database
 * transaction. The offsets are committed after that transaction; a redelivered observation changes nothing.
 */
@Component
class ReportedIndicatorProjector {

    static final String LISTENER_ID = "programme-reported-indicators";

    /** A group of its own: it reads another service's topic, at its own pace. */
    static final String GROUP = "programme-service.reported-indicators";

    private final JdbcReportedIndicators indicators;
    private final ProjectionBatches batches;

    ReportedIndicatorProjector(JdbcReportedIndicators indicators, ProjectionBatches batches) {
        this.batches = batches;
        this.indicators = indicators;
    }

    @KafkaListener(id = LISTENER_ID, groupId = GROUP, topics = Topics.INDICATOR_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, PlanEvent>> records) {
        batches.fold(LISTENER_ID, records, this::fold);
    }

    /** Folds the events in the caller's transaction, the batch's observations in one statement. */
    void fold(List<PlanEvent> events) {
        indicators.applyAll(ProjectionBatches.only(ObservationReported.class, events));
    }
}
