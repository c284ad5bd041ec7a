package cn.gov.planwatch.indicator.observation;

import java.util.List;
import java.util.UUID;

/** The read side of the observations read model, kept per plan: an indicator's reports in one plan are its own. */
public interface ObservationHistory {

    /** Every report of the plan's indicator, revisions included, in the order the log holds them. */
    List<Observation> of(String plan, String indicator);

    /** The current value of each period of the plan's indicator, oldest period first. */
    List<Observation> currentSeries(String plan, String indicator);

    /** Whether the report with this event id is in the read model (a resend of a report already in the log). */
    boolean recorded(UUID eventId);
}
