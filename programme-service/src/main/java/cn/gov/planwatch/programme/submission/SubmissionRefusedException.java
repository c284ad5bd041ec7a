package cn.gov.planwatch.programme.submission;

import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.FieldRefusal;
import cn.gov.planwatch.planrules.PlanRuleException;

import java.util.List;

/** A submission refused as a whole, all or nothing: it holds no report, or some of its fields are refused. */
public class SubmissionRefusedException extends PlanRuleException {

    private SubmissionRefusedException(String type, BilingualText title, BilingualText detail,
            List<FieldRefusal> refusals) {
        super(Refusal.IMPLAUSIBLE, type, title, detail, refusals);
    }

    /** No observation with a value, no progress with a status. */
    public static SubmissionRefusedException empty() {
        return new SubmissionRefusedException("empty-submission", BilingualText.of("Empty submission", "报送内容为空"),
                BilingualText.of("The submission holds no report: no observation with a value, no progress with"
                        + " a status. Nothing was recorded.",
                        "本次报送不含任何数据（没有填写数值的指标，也没有填写状态的专栏进展），未记录任何内容。"), List.of());
    }

    /** Every field refused, each with its reason (a row, a cell). */
    public static SubmissionRefusedException of(List<FieldRefusal> refusals) {
        return new SubmissionRefusedException("invalid-submission", BilingualText.of("Invalid submission", "报送内容有误"),
                BilingualText.of(refusals.size() + " field(s) of the submission are refused, each listed in errors;"
                        + " nothing was recorded.", "本次报送有 " + refusals.size() + " 处被拒收，详见 errors；未记录任何内容。"),
                refusals);
    }
}
