package cn.gov.planwatch.indicator.observation;

import java.util.List;
import java.util.UUID;

/** The read side of the observations read model. */
public interface ObservationHistory {

    /** Every report of the indicator, revisions included, in the order the log holds them. */
    List<Observation> of(String indicator);

    /** The current value of each period, oldest period first. */
    List<Observation> currentSeries(String indicator);

    /** Whether the report with this event id is in the read model (a resend of a report already in the log). */
    boolean recorded(UUID eventId);
}
