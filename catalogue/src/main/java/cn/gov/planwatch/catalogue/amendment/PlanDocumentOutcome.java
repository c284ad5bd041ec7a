package cn.gov.planwatch.catalogue.amendment;

import cn.gov.planwatch.catalogue.PlanCatalogue;

/** What a valid proposed plan document does to the plan: publish it, amend it, or nothing. */
public sealed interface PlanDocumentOutcome {

    /** The plan in force once the outcome is recorded. */
    PlanCatalogue plan();

    /** The first document of a plan. */
    record Published(PlanCatalogue plan) implements PlanDocumentOutcome {
    }

    /** A higher version that keeps everything reported against. */
    record Amended(PlanCatalogue previous, PlanCatalogue plan) implements PlanDocumentOutcome {
    }

    /** The version in force, sent again with the same content: nothing to record. */
    record Unchanged(PlanCatalogue plan) implements PlanDocumentOutcome {
    }
}
