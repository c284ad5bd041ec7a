package cn.gov.planwatch.programme.submission;

import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.PlanRuleException;

/** A submission with more rows than one may hold, refused whole before any row is judged. */
public class TooManyRowsException extends PlanRuleException {

    public TooManyRowsException(int maxRows) {
        super(Refusal.TOO_LARGE, "too-many-rows", BilingualText.of("Too many rows", "行数过多"),
                BilingualText.of("A submission holds at most " + maxRows
                        + " reports; send the rest in another submission. Nothing was recorded.",
                        "一次报送至多 " + maxRows + " 项，其余请另行报送。本次未记录任何内容。"));
    }
}
