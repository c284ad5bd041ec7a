package cn.gov.planwatch.planrules;

/** The caller's agency does not report the item: it is another agency's, or the caller names no agency at all. */
public class NotReporterException extends PlanRuleException {

    private NotReporterException(BilingualText detail) {
        super(Refusal.FORBIDDEN, "forbidden", RefusalTitles.FORBIDDEN, detail);
    }

    /** The token names no agency, so nothing can be reported in its name. */
    public static NotReporterException noAgency() {
        return new NotReporterException(BilingualText.of("the token names no agency", "令牌未注明所属单位"));
    }

    /** The token names no agency of the plan: nothing of the plan can be reported in its name. */
    public static NotReporterException noAgencyOfPlan() {
        return new NotReporterException(BilingualText.of("the token names no agency of the plan",
                "令牌未注明本规划的任何单位"));
    }

    /** {@code agency} is not among {@code reporters}, who report {@code item}. */
    public static NotReporterException of(String item, BilingualText reporters, String agency) {
        return new NotReporterException(BilingualText.of(item + " is reported by " + reporters.en() + ", not by "
                + agency, item + " 由 " + reporters.zh() + " 报送，" + agency + " 无权报送"));
    }
}
