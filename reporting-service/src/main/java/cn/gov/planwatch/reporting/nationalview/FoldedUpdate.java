package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.planrules.lifecycle.LifecycleEvent;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One agency's update for one quarter with the events folded into it — the figure's provenance.
 *
 * @param eventIds every step folded in, in the order folded
 */
public record FoldedUpdate(QuarterlyUpdate update, List<UUID> eventIds) {

    public FoldedUpdate {
        eventIds = List.copyOf(eventIds);
    }

    public static FoldedUpdate notStarted(String agency, String quarter) {
        return new FoldedUpdate(QuarterlyUpdate.open(agency, quarter), List.of());
    }

    /** The update after {@code step}, by the lifecycle's rules. */
    public FoldedUpdate after(LifecycleEvent step) {
        List<UUID> ids = new ArrayList<>(eventIds);
        ids.add(step.eventId());
        return new FoldedUpdate(update.after(step), ids);
    }

    /** The update after {@code steps}, in the order they arrived. */
    public static FoldedUpdate fold(String agency, String quarter, List<LifecycleStep> steps) {
        FoldedUpdate folded = notStarted(agency, quarter);
        for (LifecycleStep step : steps) {
            folded = folded.after(step.event());
        }
        return folded;
    }
}
