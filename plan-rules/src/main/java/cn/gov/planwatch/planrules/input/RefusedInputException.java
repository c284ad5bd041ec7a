package cn.gov.planwatch.planrules.input;

import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.planrules.RefusalTitles;

/**
 * A value a reporter sent that breaks a rule: malformed (the wrong shape, e.g. a status that is none of the
 * statuses) or implausible (well-formed, but no real figure could be it). Names the field and why.
 */
public class RefusedInputException extends PlanRuleException {

    private RefusedInputException(Refusal refusal, String type, BilingualText title, String field,
            BilingualText reason) {
        super(refusal, type, title, field, reason);
    }

    public static RefusedInputException malformed(String field, BilingualText reason) {
        return new RefusedInputException(Refusal.MALFORMED, "invalid-request", RefusalTitles.INVALID_REQUEST, field,
                reason);
    }

    public static RefusedInputException implausible(String field, BilingualText reason) {
        return new RefusedInputException(Refusal.IMPLAUSIBLE, "implausible-value", RefusalTitles.IMPLAUSIBLE_VALUE,
                field, reason);
    }
}
