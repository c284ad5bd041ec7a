package cn.gov.planwatch.programme.compliance;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.programme.calendar.PlanCalendar;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who owes what each quarter, read off the catalogue: every agency on a programme (lead or participant)
 * owes an update for every quarter of the plan; an agency responsible for indicators owes one for each
 * Q4 as well (indicator values are annual, and counted with the year's last update). The deadline is
 * the end of the quarter plus the grace period, on the plan's calendar.
 */
public class QuarterlyObligations {

    private final PlanCatalogue catalogue;
    private final PlanCalendar calendar;
    private final Period grace;

    public QuarterlyObligations(PlanCatalogue catalogue, PlanCalendar calendar, Period grace) {
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.grace = grace;
    }

    public Period grace() {
        return grace;
    }

    public List<ReportingPeriod> quarters() {
        return calendar.quarters();
    }

    /** Midnight (plan zone) after the quarter's last day, plus the grace period in calendar days. */
    public Instant deadline(ReportingPeriod quarter) {
        return calendar.endOf(quarter).plus(grace).toInstant();
    }

    public Optional<Obligation> owed(String agency, ReportingPeriod quarter) {
        List<String> programmes = catalogue.programmesInvolving(agency).stream().map(Programme::slug).toList();
        List<String> indicators = quarter.quarter() == 4
                ? catalogue.indicatorsReportedBy(agency).stream().map(Indicator::code).toList()
                : List.of();
        if (programmes.isEmpty() && indicators.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Obligation(agency, quarter, programmes, indicators,
                calendar.endOf(quarter).toInstant(), deadline(quarter)));
    }

    /** The agency's obligations, first quarter to last. */
    public List<Obligation> owedBy(String agency) {
        List<Obligation> owed = new ArrayList<>();
        for (ReportingPeriod quarter : quarters()) {
            owed(agency, quarter).ifPresent(owed::add);
        }
        return owed;
    }

    /** Agencies that owe anything under the plan, in catalogue order. */
    public List<String> agencies() {
        return catalogue.agencies().stream().map(Agency::code).filter(code -> !owedBy(code).isEmpty()).toList();
    }
}
