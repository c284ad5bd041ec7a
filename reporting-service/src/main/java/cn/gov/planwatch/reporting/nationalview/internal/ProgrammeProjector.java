package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.platform.eventlog.FewEventsFetch;
import cn.gov.planwatch.platform.eventlog.ProjectionBatches;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Folds programme progress and the quarterly update cycle into the national view, a polled batch per transaction,
 * which also records the events' ids. One listener per topic, so a slow topic never holds up the other.
 */
@Component
class ProgrammeProjector {

    static final String PROGRAMMES = "national-view-programmes";
    static final String QUARTERLY_UPDATES = "national-view-quarterly-updates";

    private final ProgrammeProgressStore progress;
    private final QuarterlyUpdateStore quarterlyUpdates;
    private final ProjectionBatches batches;

    ProgrammeProjector(ProgrammeProgressStore progress, QuarterlyUpdateStore quarterlyUpdates,
            ProjectionBatches batches) {
        this.batches = batches;
        this.progress = progress;
        this.quarterlyUpdates = quarterlyUpdates;
    }

    @KafkaListener(id = PROGRAMMES, idIsGroup = false, topics = Topics.PROGRAMME_EVENTS, batch = "true")
    void onProgramme(List<ConsumerRecord<String, PlanEvent>> records) {
        batches.fold(PROGRAMMES, records, this::foldProgramme);
    }

    /** Folds the events in the caller's transaction, the batch's progress reports together. */
    void foldProgramme(List<PlanEvent> events) {
        progress.foldAll(ProjectionBatches.only(ProgressReported.class, events));
    }

    @KafkaListener(id = QUARTERLY_UPDATES, idIsGroup = false, topics = Topics.QUARTERLY_UPDATE_EVENTS,
            batch = "true", properties = {FewEventsFetch.ANSWER_AT_FIRST_EVENT, FewEventsFetch.WAIT_WHEN_IDLE})
    void onQuarterlyUpdate(List<ConsumerRecord<String, PlanEvent>> records) {
        batches.fold(QUARTERLY_UPDATES, records, events -> events.forEach(this::onQuarterlyUpdate));
    }

    /** Folds one event in the caller's transaction. */
    void onQuarterlyUpdate(PlanEvent event) {
        if (event instanceof QuarterlyUpdateEvent step) {
            quarterlyUpdates.fold(step);
        }
    }
}
