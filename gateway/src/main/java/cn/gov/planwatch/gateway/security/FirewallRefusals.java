package cn.gov.planwatch.gateway.security;

import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import cn.gov.planwatch.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * What Spring Security's firewall refuses before any rule is read, answered as a problem: a method it never lets
 * through ({@code TRACE}, {@code CONNECT}, made-up ones) is 405 with the methods the policy names for the path; any
 * other refusal (a path it will not normalise) is 400. Its default is a bare 400 with no body.
 */
@Component
public class FirewallRefusals implements ServerExchangeRejectedHandler {

    /** The methods the firewall lets through by default. */
    private static final Set<String> PASSED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final ProblemResponses problems;

    public FirewallRefusals(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        // The connection closes with the answer: the refused request's body is never read, and on a kept-alive
        // connection a refused POST with a body went unanswered (RefusedRequestConnectionTest).
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        String method = exchange.getRequest().getMethod().name();
        if (!PASSED.contains(method)) {
            RefusalLog.refused(405, exchange, null, "method");
            String allowed = String.join(", ", ApiAccessPolicy.allowedMethods(PolicyAuthorization.path(exchange)));
            exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, allowed);
            return problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "http-405", "Method not allowed",
                    "The gateway does not take " + method + (allowed.isEmpty() ? "." : "; this path takes " + allowed
                            + "."));
        }
        RefusalLog.refused(400, exchange, null, "firewall: " + rejected.getMessage());
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The request's path or headers are not acceptable.");
    }
}
