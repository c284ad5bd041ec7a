package cn.gov.planwatch.reporting.desk.internal;

import java.util.List;

/**
 * A service's refusal (RFC 9457), as far as a page shows it: {@code detail} for the whole request, {@code errors} for
 * the fields it names.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One field the service refused, by its name in the request body (e.g. {@code measures[0].status}). */
    public record FieldError(String field, String message) {
    }
}
