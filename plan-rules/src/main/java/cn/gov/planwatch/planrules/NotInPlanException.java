package cn.gov.planwatch.planrules;

/** Names something the plan does not have: an agency, a programme, a quarter outside its years. */
public class NotInPlanException extends PlanRuleException {

    /** @param what what kind of thing was named, e.g. {@code agency}; {@code key} what it was called */
    public NotInPlanException(String what, String key) {
        super(Refusal.UNKNOWN, "not-found", "Not found", "unknown " + what + " '" + key + "'");
    }
}
