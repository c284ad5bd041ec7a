package cn.gov.planwatch.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * The reference data of one plan, as loaded by {@link PlanCatalogueLoader}.
 * {@code schemaVersion} is the version of the catalogue format.
 */
public record PlanCatalogue(int schemaVersion, Plan plan, List<Agency> agencies,
                            List<Indicator> indicators, List<Programme> programmes) {

    public PlanCatalogue {
        agencies = KeyedList.of(agencies, Agency::code);
        indicators = KeyedList.of(indicators, Indicator::code);
        programmes = KeyedList.of(programmes, Programme::slug);
    }

    public Optional<Agency> agency(String code) {
        return ((KeyedList<Agency>) agencies).find(code);
    }

    public Optional<Indicator> indicator(String code) {
        return ((KeyedList<Indicator>) indicators).find(code);
    }

    public Optional<Programme> programme(String slug) {
        return ((KeyedList<Programme>) programmes).find(slug);
    }

    public List<Indicator> indicatorsReportedBy(String agencyCode) {
        return indicators.stream().filter(i -> i.responsibleAgency().equals(agencyCode)).toList();
    }

    /** Programmes the agency leads or participates in. */
    public List<Programme> programmesInvolving(String agencyCode) {
        return programmes.stream().filter(p -> p.involves(agencyCode)).toList();
    }
}
