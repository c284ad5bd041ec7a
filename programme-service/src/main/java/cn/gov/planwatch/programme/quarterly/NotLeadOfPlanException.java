package cn.gov.planwatch.programme.quarterly;

/**
 * A review (accept or return) by a caller whose agency does not lead the plan the update belongs to: only that plan's
 * lead agency reviews.
 */
public class NotLeadOfPlanException extends RuntimeException {

    private final String callerAgency;
    private final String leadAgency;

    public NotLeadOfPlanException(String plan, String callerAgency, String leadAgency) {
        super("only the lead agency of plan '" + plan + "', " + leadAgency + ", reviews its quarterly updates;"
                + " the token's agency is "
                + (callerAgency == null ? "none" : callerAgency));
        this.callerAgency = callerAgency;
        this.leadAgency = leadAgency;
    }

    public String callerAgency() {
        return callerAgency;
    }

    public String leadAgency() {
        return leadAgency;
    }
}
