package cn.gov.planwatch.reporting.serviceapi;

import java.util.List;

/**
 * A service's refusal (RFC 9457), as far as a page shows it: {@code detail} for the whole request, {@code errors} for
 * the fields it names.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The message for {@code field} or one of its elements ({@code items[2]}), or null. */
    public String messageFor(String field) {
        return errors.stream().filter(e -> names(e, field)).map(FieldError::message).findFirst().orElse(null);
    }

    /** The errors that name none of the fields {@code shown} beside their control: those go at the top. */
    public List<FieldError> otherThan(List<String> shown) {
        return errors.stream().filter(e -> shown.stream().noneMatch(f -> names(e, f))).toList();
    }

    private static boolean names(FieldError error, String field) {
        return error.field() != null && (error.field().equals(field) || error.field().startsWith(field + "["));
    }

    /** One field the service refused, by its name in the request body (e.g. {@code measures[0].status}). */
    public record FieldError(String field, String message) {
    }
}
