package cn.gov.planwatch.planrules;

/** No plan has been published under this id (or none was by the instant asked about). */
public class UnknownPlanException extends PlanRuleException {

    private final String plan;

    public UnknownPlanException(String plan) {
        super(Refusal.UNKNOWN, "not-found", RefusalTitles.NOT_FOUND, BilingualText.of("no plan '" + plan + "' is published",
                "规划“" + plan + "”未发布"));
        this.plan = plan;
    }

    public String plan() {
        return plan;
    }
}
