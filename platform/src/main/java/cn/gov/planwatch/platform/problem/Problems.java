package cn.gov.planwatch.platform.problem;

import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.NotInPlanException;
import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.planrules.RefusalTitles;
import cn.gov.planwatch.platform.input.InvalidInputException;
import cn.gov.planwatch.planrules.FieldRefusal;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * The problem types PlanWatch answers with; {@code type} URIs are stable and documented in the OpenAPI. The texts
 * given as {@link BilingualText} answer a Chinese reader in Chinese; those given as plain strings answer in English.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "https://planwatch.cn/problems/";

    public static ProblemException invalid(String detail, List<FieldProblem> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, TYPE_PREFIX + "invalid-request", "Invalid request",
                detail, errors, null);
    }

    /** A malformed request, with what is wrong with each field. */
    public static ProblemException invalid(BilingualText detail, List<FieldRefusal> refusals) {
        return new ProblemException(HttpStatus.BAD_REQUEST, TYPE_PREFIX + "invalid-request",
                RefusalTitles.INVALID_REQUEST, detail, refusals, null);
    }

    public static ProblemException invalidField(String field, String message) {
        return invalidField(field, BilingualText.englishOnly(message));
    }

    public static ProblemException invalidField(String field, BilingualText message) {
        return invalid(BilingualText.fieldAndReason(field, message), List.of(new FieldRefusal(field, message)));
    }

    public static ProblemException implausible(String field, BilingualText message) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, TYPE_PREFIX + "implausible-value",
                RefusalTitles.IMPLAUSIBLE_VALUE, BilingualText.fieldAndReason(field, message),
                List.of(new FieldRefusal(field, message)), null);
    }

    /** A domain rule's refusal of an input: malformed is a 400, implausible a 422; either names the field. */
    public static ProblemException of(InvalidInputException e) {
        return e.defect() == InvalidInputException.Defect.MALFORMED ? invalidField(e.field(), e.reasonText())
                : implausible(e.field(), e.reasonText());
    }

    /**
     * A plan rule's refusal: malformed is a 400, implausible a 422 (either naming its field), unknown a 404, out of
     * turn a 409, another agency's a 403, over a limit a 413; the type is the rule's own.
     */
    public static ProblemException of(PlanRuleException e) {
        HttpStatus status = switch (e.refusal()) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case IMPLAUSIBLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        };
        return new ProblemException(status, TYPE_PREFIX + e.type(), e.titleText(), e.detailText(),
                e.refusals(), null);
    }

    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, TYPE_PREFIX + slug, title, detail, List.of(),
                null);
    }

    public static ProblemException unprocessable(String slug, BilingualText title, BilingualText detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, TYPE_PREFIX + slug, title, detail, List.of(),
                null);
    }

    /** "unknown agency 'X'": in Chinese too when the kind of thing is one a reporter names. */
    public static ProblemException notFound(String what, String key) {
        return new ProblemException(HttpStatus.NOT_FOUND, TYPE_PREFIX + "not-found", RefusalTitles.NOT_FOUND,
                NotInPlanException.unknown(what, key), List.of(), null);
    }

    public static ProblemException forbidden(String detail) {
        return forbidden(BilingualText.englishOnly(detail));
    }

    public static ProblemException forbidden(BilingualText detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, TYPE_PREFIX + "forbidden", RefusalTitles.FORBIDDEN, detail,
                List.of(), null);
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, TYPE_PREFIX + slug, title, detail, List.of(), null);
    }

    public static ProblemException conflict(String slug, BilingualText title, BilingualText detail) {
        return new ProblemException(HttpStatus.CONFLICT, TYPE_PREFIX + slug, title, detail, List.of(), null);
    }

    public static ProblemException eventLogUnavailable(String detail) {
        return eventLogUnavailable(BilingualText.englishOnly(detail));
    }

    public static ProblemException eventLogUnavailable(BilingualText detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, TYPE_PREFIX + "event-log-unavailable",
                BilingualText.of("Event log unavailable", "事件日志暂不可用"), detail, List.of(), 5L);
    }

    public static ProblemException eventLogUnconfirmed(String detail) {
        return eventLogUnconfirmed(BilingualText.englishOnly(detail));
    }

    /** The outcome is unknown: not a 503, which promises that nothing was recorded. */
    public static ProblemException eventLogUnconfirmed(BilingualText detail) {
        return new ProblemException(HttpStatus.GATEWAY_TIMEOUT, TYPE_PREFIX + "event-log-unconfirmed",
                BilingualText.of("Event log did not confirm", "事件日志未确认"), detail, List.of(), null);
    }

    /** A write that could not even reach its store recorded nothing. */
    public static ProblemException storeUnavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, TYPE_PREFIX + "store-unavailable",
                BilingualText.of("Store unavailable", "存储暂不可用"), BilingualText.of(
                        "The service cannot take the write now; nothing was recorded. Try again later.",
                        "服务暂时无法写入，本次未记录任何内容，请稍后重试。"), List.of(), 5L);
    }

    public static ProblemException databaseUnavailable(BilingualText detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, TYPE_PREFIX + "database-unavailable",
                BilingualText.of("Database unavailable", "数据库暂不可用"), detail, List.of(), 5L);
    }

    private Problems() {
    }
}
