package cn.gov.planwatch.planrules.calendar;

import cn.gov.planwatch.planrules.PlanRuleException;

/** A quarter nothing can be reported for yet: it has not begun on the plan's calendar. */
public class QuarterNotBegunException extends PlanRuleException {

    public QuarterNotBegunException(String field, String quarter) {
        super(Refusal.IMPLAUSIBLE, "implausible-value", "Implausible value", field, quarter + " has not begun yet");
    }
}
