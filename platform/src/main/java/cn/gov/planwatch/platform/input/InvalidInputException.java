package cn.gov.planwatch.platform.input;

import cn.gov.planwatch.planrules.BilingualText;

/**
 * A request input that breaks a rule of the domain: malformed (the wrong shape, e.g. a date that is no date) or
 * implausible (well-formed, but no real figure or moment could be it). Says which field and why; the web layer
 * decides how to answer it. Nothing has been recorded when it is thrown.
 */
public class InvalidInputException extends RuntimeException {

    /** What kind of defect: the contract answers a malformed input apart from an implausible one. */
    public enum Defect {
        MALFORMED, IMPLAUSIBLE
    }

    private final String field;
    private final BilingualText reason;
    private final Defect defect;

    public InvalidInputException(String field, BilingualText reason, Defect defect) {
        super(field + ": " + reason.en());
        this.field = field;
        this.reason = reason;
        this.defect = defect;
    }

    public static InvalidInputException malformed(String field, BilingualText reason) {
        return new InvalidInputException(field, reason, Defect.MALFORMED);
    }

    public static InvalidInputException implausible(String field, BilingualText reason) {
        return new InvalidInputException(field, reason, Defect.IMPLAUSIBLE);
    }

    /** A refusal nobody has translated yet: it answers in English in every language. */
    public static InvalidInputException malformed(String field, String reason) {
        return malformed(field, BilingualText.englishOnly(reason));
    }

    /** A refusal nobody has translated yet: it answers in English in every language. */
    public static InvalidInputException implausible(String field, String reason) {
        return implausible(field, BilingualText.englishOnly(reason));
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason.en();
    }

    /** Why, in both languages. */
    public BilingualText reasonText() {
        return reason;
    }

    public Defect defect() {
        return defect;
    }
}
