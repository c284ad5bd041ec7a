package cn.gov.planwatch.planrules;

/** A write to a plan its lead agency has closed: what was reported stays readable, nothing more is taken. */
public class PlanClosedException extends PlanRuleException {

    public PlanClosedException(String plan) {
        super(Refusal.CONFLICT, "plan-closed", "Plan closed", "plan '" + plan + "' is closed; it takes no more writes");
    }
}
