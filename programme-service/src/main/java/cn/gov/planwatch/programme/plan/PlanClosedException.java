package cn.gov.planwatch.programme.plan;

/** A write to a plan its lead agency has closed: what was reported stays readable, nothing more is taken. */
public class PlanClosedException extends RuntimeException {

    public PlanClosedException(String plan) {
        super("plan '" + plan + "' is closed; it takes no more writes");
    }
}
