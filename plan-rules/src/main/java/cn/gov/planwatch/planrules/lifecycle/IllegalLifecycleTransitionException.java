package cn.gov.planwatch.planrules.lifecycle;

import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.PlanRuleException;

/** A step of the quarterly update cycle that the update's current state does not allow. */
public class IllegalLifecycleTransitionException extends PlanRuleException {

    IllegalLifecycleTransitionException(String type, BilingualText title, BilingualText detail) {
        super(Refusal.CONFLICT, type, title, detail);
    }
}
