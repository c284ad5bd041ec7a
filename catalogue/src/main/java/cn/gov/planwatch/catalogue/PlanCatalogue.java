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
        agencies = Lists.copy(agencies);
        indicators = Lists.copy(indicators);
        programmes = Lists.copy(programmes);
    }

    public Optional<Agency> agency(String code) {
        return agencies.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<Programme> programme(String slug) {
        return programmes.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    public List<Indicator> indicatorsReportedBy(String agencyCode) {
        return indicators.stream().filter(i -> i.responsibleAgency().equals(agencyCode)).toList();
    }

    /** Programmes the agency leads or participates in. */
    public List<Programme> programmesInvolving(String agencyCode) {
        return programmes.stream().filter(p -> p.involves(agencyCode)).toList();
    }
}
