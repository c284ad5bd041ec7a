package cn.gov.planwatch.planrules;

/** A write to a plan its lead agency has closed: what was reported stays readable, nothing more is taken. */
public class PlanClosedException extends PlanRuleException {

    public PlanClosedException(String plan) {
        super(Refusal.CONFLICT, "plan-closed", BilingualText.of("Plan closed", "规划已关闭"),
                BilingualText.of("plan '" + plan + "' is closed; it takes no more writes",
                        "规划“" + plan + "”已关闭，不再接受报送或修改"));
    }
}
