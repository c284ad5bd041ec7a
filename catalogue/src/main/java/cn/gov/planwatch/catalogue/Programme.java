package cn.gov.planwatch.catalogue;

import java.util.List;
import java.util.Optional;

/** A programme box (专栏). Identified by its slug: the plan numbers two boxes "10". */
public record Programme(String slug, int box, String titleZh, String titleEn, String leadAgency,
                        List<String> participatingAgencies, List<Measure> measures, List<Milestone> milestones) {

    public Programme {
        participatingAgencies = Lists.copy(participatingAgencies);
        measures = Lists.copy(measures);
        milestones = Lists.copy(milestones);
    }

    /** Whether the agency leads or participates in this programme. */
    public boolean involves(String agencyCode) {
        return agencyCode != null && (agencyCode.equals(leadAgency) || participatingAgencies.contains(agencyCode));
    }

    public Optional<Measure> measure(String code) {
        return measures.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    public Optional<Milestone> milestone(String code) {
        return milestones.stream().filter(m -> m.code().equals(code)).findFirst();
    }
}
