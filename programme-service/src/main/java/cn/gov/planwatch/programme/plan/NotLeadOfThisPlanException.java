package cn.gov.planwatch.programme.plan;

/** A step in a plan's life (closing it) by a caller whose agency does not lead that plan. */
public class NotLeadOfThisPlanException extends RuntimeException {

    private final String callerAgency;

    public NotLeadOfThisPlanException(String plan, String callerAgency, String leadAgency) {
        super("only the lead agency of plan '" + plan + "', " + leadAgency + ", may close it; the token's agency is "
                + (callerAgency == null ? "none" : callerAgency));
        this.callerAgency = callerAgency;
    }

    public String callerAgency() {
        return callerAgency;
    }
}
