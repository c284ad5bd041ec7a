package cn.gov.planwatch.platform.problem;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A refusal the caller can act on, answered as RFC 9457 {@code application/problem+json}.
 * Thrown by domain code through {@link Problems}; nothing has been recorded when it is thrown.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldProblem> errors;
    private final Long retryAfterSeconds;

    public ProblemException(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors,
            Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
