package cn.gov.planwatch.gateway.problem;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

/** Writes an RFC 9457 problem as the answer to an exchange: one format for every refusal the gateway makes. */
@Component
public class ProblemResponses {

    public static final String TYPE_PREFIX = "https://planwatch.cn/problems/";

    private static final String LOGIN_UNAVAILABLE_RETRY_AFTER = "5";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        return problem;
    }

    /** A 429 with {@code Retry-After}: the answer of every limit the gateway keeps. */
    public Mono<Void> tooManyRequests(ServerWebExchange exchange, long retryAfterSeconds, String slug, String title,
            String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return write(exchange, HttpStatus.TOO_MANY_REQUESTS, slug, title, detail);
    }

    /** A 503 with {@code Retry-After} while the store of login sessions cannot be reached. */
    public Mono<Void> loginUnavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, LOGIN_UNAVAILABLE_RETRY_AFTER);
        return write(exchange, loginUnavailable());
    }

    /**
     * Login sessions live in Redis: without it nobody can log in or use a session, while clients with bearer tokens
     * are served as usual.
     */
    public static ProblemDetail loginUnavailable() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "login-unavailable", "Login unavailable",
                "Logging in and login sessions are unavailable for a moment; nothing was recorded. Try again later. "
                        + "登录暂时不可用，未记录任何内容，请稍后再试。");
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
        return write(exchange, problem(status, slug, title, detail));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }
}
