package cn.gov.planwatch.planrules.compliance;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who owes what each quarter of one plan, read off its catalogue: every agency on a programme (lead or participant)
 * owes an update for every quarter of the plan; an agency responsible for indicators owes one for each Q4 as well
 * (indicator values are annual, and counted with the year's last update). The deadline is the end of the quarter
 * plus the grace period, on the plan's calendar.
 */
public record QuarterlyObligations(PlanCatalogue catalogue, PlanCalendar calendar, Period grace) {

    /** {@code calendar} must be the calendar of the catalogue's plan. */
    public QuarterlyObligations {
        if (!calendar.plan().equals(catalogue.plan())) {
            throw new IllegalArgumentException("the calendar of plan " + calendar.plan().id()
                    + " does not fit the catalogue of plan " + catalogue.plan().id());
        }
    }

    public List<ReportingPeriod> quarters() {
        return calendar.quarters();
    }

    /** The plan's quarters from the first to {@code last}, inclusive. */
    public List<ReportingPeriod> quartersUpTo(ReportingPeriod last) {
        return calendar.upTo(last);
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
        return owedBy(agency, quarters());
    }

    /** The agency's obligations for these quarters, in their order. */
    public List<Obligation> owedBy(String agency, List<ReportingPeriod> quarters) {
        List<Obligation> owed = new ArrayList<>();
        for (ReportingPeriod quarter : quarters) {
            owed(agency, quarter).ifPresent(owed::add);
        }
        return owed;
    }

    /** Agencies that owe anything under the plan, in catalogue order. */
    public List<String> agencies() {
        return catalogue.agencies().stream().map(Agency::code).filter(code -> !owedBy(code).isEmpty()).toList();
    }
}
