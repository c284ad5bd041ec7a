package cn.gov.planwatch.planrules;

import java.util.Map;

/** Names something the plan does not have: an agency, a programme, a quarter outside its years. */
public class NotInPlanException extends PlanRuleException {

    /** What a reporter can name that may not exist, in Chinese. */
    private static final Map<String, String> NOUNS_ZH = Map.of(
            "indicator", "指标",
            "programme", "重大工程项目",
            "agency", "单位",
            "quarter", "季度",
            "plan", "规划",
            "projection", "读模型");

    /** @param what what kind of thing was named, e.g. {@code agency}; {@code key} what it was called */
    public NotInPlanException(String what, String key) {
        super(Refusal.UNKNOWN, "not-found", RefusalTitles.NOT_FOUND, unknown(what, key));
    }

    /** "unknown agency 'X'": in Chinese when the kind of thing is one a reporter names. */
    public static BilingualText unknown(String what, String key) {
        String en = "unknown " + what + " '" + key + "'";
        String noun = NOUNS_ZH.get(what);
        return noun == null ? BilingualText.englishOnly(en) : BilingualText.of(en, noun + "“" + key + "”不存在");
    }
}
