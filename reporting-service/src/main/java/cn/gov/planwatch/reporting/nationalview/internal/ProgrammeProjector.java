package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds programme progress and the quarterly update cycle into the national view, each event in the same
 * transaction that records its event id. One listener per topic, so a slow topic never holds up the other.
 */
@Component
class ProgrammeProjector {

    private final ProgrammeProgressStore progress;
    private final QuarterlyUpdateStore quarterlyUpdates;

    ProgrammeProjector(ProgrammeProgressStore progress, QuarterlyUpdateStore quarterlyUpdates) {
        this.progress = progress;
        this.quarterlyUpdates = quarterlyUpdates;
    }

    @KafkaListener(id = "national-view-programmes", idIsGroup = false, topics = Topics.PROGRAMME_EVENTS)
    @Transactional
    void onProgramme(PlanEvent event) {
        if (event instanceof ProgressReported reported) {
            progress.fold(reported);
        }
    }

    @KafkaListener(id = "national-view-quarterly-updates", idIsGroup = false, topics = Topics.QUARTERLY_UPDATE_EVENTS)
    @Transactional
    void onQuarterlyUpdate(PlanEvent event) {
        if (event instanceof QuarterlyUpdateEvent step) {
            quarterlyUpdates.fold(step);
        }
    }
}
