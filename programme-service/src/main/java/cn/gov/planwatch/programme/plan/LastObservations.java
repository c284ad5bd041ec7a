package cn.gov.planwatch.programme.plan;

import java.math.BigDecimal;
import java.util.Map;

/** The last value each indicator of a plan was reported with by an agency, as folded from the indicator topic. */
public interface LastObservations {

    /** The latest period's current value of each of the agency's indicators of the plan that has one, by code. */
    Map<String, LastObservation> of(String plan, String agency);

    /** An indicator's latest period and the value last reported for it. */
    record LastObservation(String period, BigDecimal value) {
    }
}
