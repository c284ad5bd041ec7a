package cn.gov.planwatch.planrules.observation;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.PlanCatalogue;

/** An indicator as the document of its plan's version in force defines it: plans are independent. */
public record IndicatorInPlan(PlanCatalogue document, Indicator indicator) {

    /** The plan's id. */
    public String plan() {
        return document.plan().id();
    }
}
