package cn.gov.planwatch.planrules.calendar;

import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.planrules.RefusalTitles;

/** A quarter that is not written {@code YYYY-Qn}. */
public class MalformedQuarterException extends PlanRuleException {

    public MalformedQuarterException(String field) {
        super(Refusal.MALFORMED, "invalid-request", RefusalTitles.INVALID_REQUEST, field,
                BilingualText.of("must be YYYY-Qn, e.g. 2025-Q3", "格式须为 YYYY-Qn，例如 2025-Q3"));
    }
}
