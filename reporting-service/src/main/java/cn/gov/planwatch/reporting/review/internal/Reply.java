package cn.gov.planwatch.reporting.review.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * What another service answered a page's call: its status and, on success, the body read; on a refusal, its
 * problem. {@code status} 0 means it did not answer (or not readably).
 */
public record Reply<T>(String service, int status, T body, Problem problem) {

    static <T> Reply<T> unanswered(String service) {
        return new Reply<>(service, 0, null, null);
    }

    public boolean answered() {
        return status != 0;
    }

    public boolean succeeded() {
        return status / 100 == 2;
    }

    /** The same failure, for a caller that expected another body. */
    public <U> Reply<U> failure() {
        return new Reply<>(service, status, null, problem);
    }

    /** An RFC 9457 problem as far as a page shows it: what went wrong, and each field's message. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(String title, String detail, List<FieldError> errors) {

        public Problem {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }

        /** The message for {@code field} or one of its elements ({@code items[2]}), or null. */
        public String messageFor(String field) {
            return errors.stream().filter(e -> e.field() != null
                            && (e.field().equals(field) || e.field().startsWith(field + "[")))
                    .map(FieldError::message).findFirst().orElse(null);
        }

        /** The errors that name none of the fields {@code shown} beside their control: those go at the top. */
        public List<FieldError> otherThan(List<String> shown) {
            return errors.stream().filter(e -> e.field() == null || shown.stream().noneMatch(
                    f -> e.field().equals(f) || e.field().startsWith(f + "["))).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {
    }
}
