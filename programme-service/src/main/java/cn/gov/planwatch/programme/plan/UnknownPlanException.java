package cn.gov.planwatch.programme.plan;

/** No plan has been published under this id. */
public class UnknownPlanException extends RuntimeException {

    private final String plan;

    public UnknownPlanException(String plan) {
        super("no plan '" + plan + "' is published");
        this.plan = plan;
    }

    public String plan() {
        return plan;
    }
}
