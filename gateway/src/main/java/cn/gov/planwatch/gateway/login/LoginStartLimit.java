package cn.gov.planwatch.gateway.login;

import cn.gov.planwatch.gateway.limits.ClientAddress;
import cn.gov.planwatch.gateway.limits.ClientBuckets;
import cn.gov.planwatch.gateway.problem.ProblemResponses;
import cn.gov.planwatch.gateway.security.RefusalLog;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.util.stream.Stream;

/**
 * Limits per client address how often a caller without a session may start a dashboard login, and refuses the rest
 * with 429 before anything is stored. A login start is every such request that could store a session: the
 * authorization redirect ({@code /oauth2/authorization/…} keeps state, nonce and PKCE verifier in one) and a
 * dashboard page (its request is kept in one, to return to after the login). The API, the probes and the static
 * assets never store a session for an unknown caller and are not counted; a caller whose session is already stored
 * is not counted either, since further starts reuse that session.
 */
public class LoginStartLimit implements WebFilter {

    private static final ServerWebExchangeMatcher NEVER_STARTS_A_LOGIN = ServerWebExchangeMatchers.pathMatchers(
            Stream.concat(Stream.of("/api/**", "/actuator/**"), Stream.of(DashboardLogin.PUBLIC_ASSETS))
                    .toArray(String[]::new));

    private final ClientBuckets buckets;
    private final ProblemResponses problems;

    public LoginStartLimit(ClientBuckets buckets, ProblemResponses problems) {
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return NEVER_STARTS_A_LOGIN.matches(exchange).flatMap(never -> never.isMatch()
                ? chain.filter(exchange)
                : exchange.getSession().flatMap(session -> hasStoredSession(session)
                        ? chain.filter(exchange)
                        : limit(exchange, chain)));
    }

    /** A session read from the store is started; one made up for this request is not until something is put in it. */
    private static boolean hasStoredSession(WebSession session) {
        return session.isStarted();
    }

    private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain) {
        ConsumptionProbe probe = buckets.tryConsume(ClientAddress.of(exchange.getRequest()));
        if (probe.isConsumed()) {
            return chain.filter(exchange);
        }
        long retryAfter = ClientBuckets.retryAfterSeconds(probe);
        RefusalLog.refused(429, exchange, null, "login start limit");
        return problems.tooManyRequests(exchange, retryAfter, "login-rate-limited", "Too many login attempts",
                "Too many logins started from this address; retry after " + retryAfter + " s. "
                        + "此地址发起的登录过多，请 " + retryAfter + " 秒后再试。");
    }
}
