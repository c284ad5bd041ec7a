package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.reporting.nationalview.internal.NationalViewStore;
import cn.gov.planwatch.reporting.nationalview.internal.ProgrammeProgressStore;
import cn.gov.planwatch.reporting.nationalview.internal.QuarterlyUpdateStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The recorded facts the national view is computed from, looked up by the events that carried them: what a reader
 * is shown behind a figure. Read-only; the stores stay this module's own.
 */
@Component
public class RecordedFacts {

    private final NationalViewStore indicators;
    private final ProgrammeProgressStore progress;
    private final QuarterlyUpdateStore updates;

    RecordedFacts(NationalViewStore indicators, ProgrammeProgressStore progress, QuarterlyUpdateStore updates) {
        this.indicators = indicators;
        this.progress = progress;
        this.updates = updates;
    }

    /** The indicator reports these events recorded, oldest first. */
    public List<IndicatorFact> indicatorReports(List<UUID> eventIds) {
        return indicators.facts(eventIds);
    }

    /**
     * Every report of one indicator and period of the plan recorded by {@code asOf} (or ever, if null), oldest first.
     */
    public List<IndicatorFact> indicatorRevisions(String plan, String indicator, String period, Instant asOf) {
        return indicators.revisions(plan, indicator, period, asOf);
    }

    /** The programme progress reports these events recorded, oldest first. */
    public List<ProgressFact> progressReports(List<UUID> eventIds) {
        return progress.reports(eventIds);
    }

    /** The quarterly-update lifecycle steps these events recorded, oldest first. */
    public List<LifecycleStep> lifecycleSteps(List<UUID> eventIds) {
        return updates.steps(eventIds);
    }
}
