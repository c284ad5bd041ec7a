package cn.gov.planwatch.planrules.calendar;

import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.planrules.RefusalTitles;

/** A quarter given as an input that lies before the plan's first year or after its target year. */
public class QuarterOutsidePlanException extends PlanRuleException {

    public QuarterOutsidePlanException(String field, Plan plan) {
        super(Refusal.IMPLAUSIBLE, "implausible-value", RefusalTitles.IMPLAUSIBLE_VALUE, field, BilingualText.of(
                "must lie within the plan, " + plan.firstYear() + "-Q1–" + plan.targetYear() + "-Q4",
                "须在规划期内（" + plan.firstYear() + "-Q1–" + plan.targetYear() + "-Q4）"));
    }
}
