package cn.gov.planwatch.planrules.calendar;

import cn.gov.planwatch.planrules.PlanRuleException;

/** A quarter that is not written {@code YYYY-Qn}. */
public class MalformedQuarterException extends PlanRuleException {

    public MalformedQuarterException(String field) {
        super(Refusal.MALFORMED, "invalid-request", "Invalid request", field, "must be YYYY-Qn, e.g. 2025-Q3");
    }
}
