package cn.gov.planwatch.indicator.observation;

import java.util.List;

/** The read side of the observations read model. */
public interface ObservationHistory {

    /** Every report of the indicator, revisions included, in the order the log holds them. */
    List<Observation> of(String indicator);

    /** The current value of each period, oldest period first. */
    List<Observation> currentSeries(String indicator);
}
