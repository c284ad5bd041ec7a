package cn.gov.planwatch.gateway.limits;

import cn.gov.planwatch.gateway.problem.ProblemResponses;
import cn.gov.planwatch.gateway.security.Caller;
import cn.gov.planwatch.gateway.security.RefusalLog;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.Optional;

/**
 * Per-client rate limit: 429 with Retry-After once a client's bucket is empty, and X-RateLimit-Remaining on every
 * answer. Runs after authentication, so the key is the verified client (never a claim of an unchecked token);
 * callers without credentials share one bucket per remote address. The buckets are shared by every gateway instance
 * ({@link SharedBuckets}).
 */
public class ClientRateLimit implements WebFilter {

    public static final String REMAINING = "X-RateLimit-Remaining";

    private final SharedBuckets buckets;
    private final ProblemResponses problems;

    public ClientRateLimit(SharedBuckets buckets, ProblemResponses problems) {
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/health")) {
            // Probes must not be starved by a busy neighbour on the same address.
            return chain.filter(exchange);
        }
        return exchange.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(principal -> {
            String key = principal.flatMap(ClientRateLimit::keyOf)
                    .orElseGet(() -> "address:" + ClientAddress.of(exchange.getRequest()));
            return buckets.tryConsume(key).flatMap(verdict -> {
                exchange.getResponse().getHeaders().set(REMAINING, Long.toString(verdict.remaining()));
                if (verdict.consumed()) {
                    return chain.filter(exchange);
                }
                long retryAfter = verdict.retryAfterSeconds();
                RefusalLog.refused(429, exchange, principal.orElse(null), "rate limit");
                return problems.tooManyRequests(exchange, retryAfter, "rate-limited", "Too many requests",
                        "This client is over its rate limit; retry after " + retryAfter + " s. Nothing was recorded.");
            });
        });
    }

    private static Optional<String> keyOf(Principal principal) {
        return Caller.of(principal).map(caller -> (caller.person() ? "person:" : "client:") + caller.id());
    }
}
