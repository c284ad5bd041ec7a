package cn.gov.planwatch.planrules;

import java.util.List;

/**
 * A refusal by a rule of the plan: nothing has been recorded when it is thrown. It says what kind of refusal it is,
 * its stable problem type ({@code type}, a slug), the field at fault (null when the refusal is about no single
 * field, or about several, each listed in {@link #refusals()}) and why; the web layer decides how to answer it.
 */
public abstract class PlanRuleException extends RuntimeException {

    /** What kind of refusal: the contract answers each kind apart. */
    public enum Refusal {
        /** The input has the wrong shape (a quarter that is no quarter). */
        MALFORMED,
        /** Well-formed, but no real input could be it (a quarter outside the plan, not begun yet). */
        IMPLAUSIBLE,
        /** Names something the plan does not have. */
        UNKNOWN,
        /** Out of turn for what has been recorded already. */
        CONFLICT,
        /** The caller's agency may not do this: another agency's item, or a token that names no agency. */
        FORBIDDEN,
        /** More at once than the limit allows (rows in one submission): the rest goes in another. */
        TOO_LARGE
    }

    private final Refusal refusal;
    private final String type;
    private final BilingualText title;
    private final String field;
    private final BilingualText reason;
    private final BilingualText detail;
    private final List<FieldRefusal> refusals;

    /** A refusal of one field's value: {@code field: reason} is the message. */
    protected PlanRuleException(Refusal refusal, String type, BilingualText title, String field,
            BilingualText reason) {
        this(refusal, type, title, field, reason, BilingualText.fieldAndReason(field, reason),
                List.of(new FieldRefusal(field, reason)));
    }

    /** A refusal about no single field: {@code detail} is the message. */
    protected PlanRuleException(Refusal refusal, String type, BilingualText title, BilingualText detail) {
        this(refusal, type, title, null, detail, detail, List.of());
    }

    /** A refusal of several fields at once, each with its reason: {@code detail} sums them up. */
    protected PlanRuleException(Refusal refusal, String type, BilingualText title, BilingualText detail,
            List<FieldRefusal> refusals) {
        this(refusal, type, title, null, detail, detail, List.copyOf(refusals));
    }

    private PlanRuleException(Refusal refusal, String type, BilingualText title, String field, BilingualText reason,
            BilingualText detail, List<FieldRefusal> refusals) {
        super(detail.en());
        this.refusal = refusal;
        this.type = type;
        this.title = title;
        this.field = field;
        this.reason = reason;
        this.detail = detail;
        this.refusals = refusals;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The stable slug of the problem type, e.g. {@code implausible-value}. */
    public String type() {
        return type;
    }

    /** The problem type's short, fixed summary. */
    public String title() {
        return title.en();
    }

    /** The title in both languages. */
    public BilingualText titleText() {
        return title;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }

    /** Why the field's value is refused (without the field's name); the whole message when there is no field. */
    public String reason() {
        return reason.en();
    }

    /** The reason in both languages. */
    public BilingualText reasonText() {
        return reason;
    }

    /** Each field refused, with its reason: the one field at fault, every field of a refusal of several, or none. */
    public List<FieldRefusal> refusals() {
        return refusals;
    }

    /** The whole message in both languages: {@code field: reason}, or the reason when there is no field. */
    public BilingualText detailText() {
        return detail;
    }
}
