package cn.gov.planwatch.planrules.calendar;

import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.planrules.PlanRuleException;

/** A quarter given as an input that lies before the plan's first year or after its target year. */
public class QuarterOutsidePlanException extends PlanRuleException {

    public QuarterOutsidePlanException(String field, Plan plan) {
        super(Refusal.IMPLAUSIBLE, "implausible-value", "Implausible value", field,
                "must lie within the plan, " + plan.firstYear() + "-Q1–" + plan.targetYear() + "-Q4");
    }
}
