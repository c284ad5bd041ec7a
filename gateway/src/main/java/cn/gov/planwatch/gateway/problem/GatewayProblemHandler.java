package cn.gov.planwatch.gateway.problem;

import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * Answers every failure of the gateway itself as {@code application/problem+json}: no route (404), a
 * service that is down (503 with Retry-After), a service that failed while answering (502), a service too
 * slow (504). Never an HTML page or a trace.
 */
@Component
@Order(-2)
public class GatewayProblemHandler implements ErrorWebExceptionHandler {

    public static final String TYPE_PREFIX = ProblemResponses.TYPE_PREFIX;

    private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

    private final ProblemResponses problems;

    public GatewayProblemHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        ProblemDetail problem = problemFor(failure, ServerWebExchangeUtils.isAlreadyRouted(exchange));
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        }
        return problems.write(exchange, problem);
    }

    /** @param forwarded whether the request was sent on to a service (else the failure is the gateway's own) */
    private static ProblemDetail problemFor(Throwable failure, boolean forwarded) {
        if (cause(failure, NotFoundException.class) != null) {
            // No instance of the service to send it to.
            return serviceUnavailable();
        }
        if (cause(failure, TimeoutException.class) != null
                || cause(failure, org.springframework.cloud.gateway.support.TimeoutException.class) != null) {
            // Before the statuses: Spring Cloud Gateway hands its own response timeout on as a bare 504 status.
            return ProblemResponses.problem(HttpStatus.GATEWAY_TIMEOUT, "service-timeout", "Service timeout",
                    "The service behind this path did not answer in time; whether the request took effect is unknown."
                            + " Send it again with the same Idempotency-Key to have it recorded once.");
        }
        // Looked up through the causes: a request body that fails mid-stream (413) reaches here wrapped by the
        // HTTP client that was forwarding it.
        ResponseStatusException status = cause(failure, ResponseStatusException.class);
        if (status != null) {
            return problemFor(status);
        }
        if (cause(failure, OAuth2AuthorizationException.class) != null) {
            // A browser session whose tokens can no longer be refreshed: the person has to log in again.
            return ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "session-expired", "Session expired",
                    "The login session's tokens could not be renewed; log in again.");
        }
        if (cause(failure, DataAccessException.class) != null || cause(failure, RedisException.class) != null
                || (!forwarded && cause(failure, IOException.class) != null)) {
            // The gateway's only data store is Redis, which holds the login sessions. A connection that broke before
            // the request went on to any service is that one too (a reset reaches here unwrapped when Redis goes
            // away mid-command).
            log.warn("login sessions unavailable: {}", failure.toString());
            return ProblemResponses.loginUnavailable();
        }
        if (cause(failure, ConnectException.class) != null) {
            // Refused by every instance tried: nothing reached a service.
            return serviceUnavailable();
        }
        if (cause(failure, IOException.class) != null) {
            // Connected, then the connection was reset or closed before the answer was complete: the service crashed
            // or was killed while handling the request, which may or may not have taken effect. Not a 503 (which
            // promises that nothing was recorded), and not a 500: the gateway itself did not fail.
            log.warn("the service failed while answering: {}", failure.toString());
            return ProblemResponses.problem(HttpStatus.BAD_GATEWAY, "service-failed", "Service failed",
                    "The service behind this path failed while answering; whether the request took effect is unknown."
                            + " Send it again with the same Idempotency-Key to have it recorded once; without a key, look it"
                            + " up before sending it again.");
        }
        log.error("gateway failure", failure);
        return ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The gateway failed to answer; the failure is logged.");
    }

    private static ProblemDetail serviceUnavailable() {
        return ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "The service behind this path is not answering; nothing was recorded. Try again later.");
    }

    private static ProblemDetail problemFor(ResponseStatusException status) {
        ProblemDetail own = status.getBody();
        if (own.getType() != null && own.getType().toString().startsWith(TYPE_PREFIX)) {
            // Our own refusals (e.g. a body over the limit) carry their finished problem.
            return own;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status.getStatusCode(),
                status.getReason() != null ? status.getReason() : status.getMessage());
        problem.setType(URI.create(TYPE_PREFIX + "http-" + status.getStatusCode().value()));
        if (status.getStatusCode().value() == 404) {
            problem.setDetail("No API resource at this path.");
        }
        return problem;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
