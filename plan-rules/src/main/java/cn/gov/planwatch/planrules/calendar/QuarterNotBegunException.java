package cn.gov.planwatch.planrules.calendar;

import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.planrules.RefusalTitles;

/** A quarter nothing can be reported for yet: it has not begun on the plan's calendar. */
public class QuarterNotBegunException extends PlanRuleException {

    public QuarterNotBegunException(String field, String quarter) {
        super(Refusal.IMPLAUSIBLE, "implausible-value", RefusalTitles.IMPLAUSIBLE_VALUE, field,
                BilingualText.of(quarter + " has not begun yet", quarter + " 尚未开始"));
    }
}
