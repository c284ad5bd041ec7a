package cn.gov.planwatch.planrules.compliance;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;

import java.time.Instant;
import java.util.List;

/**
 * What an agency owes for one quarter: an update covering these programmes (it leads or takes part in them) and
 * these indicators (annual values, owed with the Q4 update), by {@code deadline}.
 *
 * @param quarterEnd the first instant after the quarter, in the plan's zone
 */
public record Obligation(String agency, ReportingPeriod quarter, List<String> programmes, List<String> indicators,
        Instant quarterEnd, Instant deadline) {

    public Obligation {
        programmes = List.copyOf(programmes);
        indicators = List.copyOf(indicators);
    }
}
