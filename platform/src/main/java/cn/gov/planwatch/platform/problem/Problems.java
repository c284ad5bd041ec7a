package cn.gov.planwatch.platform.problem;

import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.platform.input.InvalidInputException;
import org.springframework.http.HttpStatus;

import java.util.List;

/** The problem types PlanWatch answers with; {@code type} URIs are stable and documented in the OpenAPI. */
public final class Problems {

    public static final String TYPE_PREFIX = "https://planwatch.cn/problems/";

    public static ProblemException invalid(String detail, List<FieldProblem> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, TYPE_PREFIX + "invalid-request", "Invalid request",
                detail, errors, null);
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    public static ProblemException implausible(String field, String message) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, TYPE_PREFIX + "implausible-value",
                "Implausible value", field + ": " + message, List.of(new FieldProblem(field, message)), null);
    }

    /** A domain rule's refusal of an input: malformed is a 400, implausible a 422; either names the field. */
    public static ProblemException of(InvalidInputException e) {
        return e.defect() == InvalidInputException.Defect.MALFORMED ? invalidField(e.field(), e.reason())
                : implausible(e.field(), e.reason());
    }

    /**
     * A plan rule's refusal: malformed is a 400, implausible a 422 (either naming its field), unknown a 404, out of
     * turn a 409; the type is the rule's own.
     */
    public static ProblemException of(PlanRuleException e) {
        HttpStatus status = switch (e.refusal()) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case IMPLAUSIBLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return new ProblemException(status, TYPE_PREFIX + e.type(), e.title(), e.getMessage(),
                e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), e.reason())), null);
    }

    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, TYPE_PREFIX + slug, title, detail, List.of(),
                null);
    }

    public static ProblemException notFound(String what, String key) {
        return new ProblemException(HttpStatus.NOT_FOUND, TYPE_PREFIX + "not-found", "Not found",
                "unknown " + what + " '" + key + "'", List.of(), null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, TYPE_PREFIX + "forbidden", "Forbidden", detail, List.of(),
                null);
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, TYPE_PREFIX + slug, title, detail, List.of(), null);
    }

    public static ProblemException eventLogUnavailable(String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, TYPE_PREFIX + "event-log-unavailable",
                "Event log unavailable", detail, List.of(), 5L);
    }

    /** The outcome is unknown: not a 503, which promises that nothing was recorded. */
    public static ProblemException eventLogUnconfirmed(String detail) {
        return new ProblemException(HttpStatus.GATEWAY_TIMEOUT, TYPE_PREFIX + "event-log-unconfirmed",
                "Event log did not confirm", detail, List.of(), null);
    }

    public static ProblemException databaseUnavailable(String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, TYPE_PREFIX + "database-unavailable",
                "Database unavailable", detail, List.of(), 5L);
    }

    private Problems() {
    }
}
