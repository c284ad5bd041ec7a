package cn.gov.planwatch.gateway.login;

import cn.gov.planwatch.gateway.limits.ClientAddress;
import cn.gov.planwatch.gateway.limits.SharedBuckets;
import cn.gov.planwatch.gateway.problem.ProblemResponses;
import cn.gov.planwatch.gateway.security.RefusalLog;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * Limits per client address how often a caller without a session may start a dashboard login, and refuses the rest
 * with 429 before anything is stored. A login start is every such request that could store a session: the
 * authorization redirect ({@code /oauth2/authorization/…} keeps state, nonce and PKCE verifier in one) and a
 * dashboard page (its request is kept in one, to return to after the login). The API, the probes and the static
 * assets never store a session for an unknown caller and are not counted; a caller whose session is already stored
 * is not counted either, since further starts reuse that session. The count is shared by every gateway instance; while
 * the shared store cannot be reached, no login could be kept, so a start is refused with 503 instead.
 */
public class LoginStartLimit implements WebFilter {

    private static final ServerWebExchangeMatcher NEVER_STARTS_A_LOGIN = ServerWebExchangeMatchers.pathMatchers(
            Stream.concat(Stream.of("/api/**", "/actuator/**"), Stream.of(DashboardLogin.PUBLIC_ASSETS))
                    .toArray(String[]::new));

    private final SharedBuckets buckets;
    private final ProblemResponses problems;
    private final Duration unfinishedLoginTimeout;

    /**
     * @param unfinishedLoginTimeout how long an admitted start's session is kept while idle, until the login is
     *                               finished ({@link SessionIdRotation} then gives it the logged-in timeout)
     */
    public LoginStartLimit(SharedBuckets buckets, ProblemResponses problems, Duration unfinishedLoginTimeout) {
        this.buckets = buckets;
        this.problems = problems;
        this.unfinishedLoginTimeout = unfinishedLoginTimeout;
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
        return buckets.tryConsume(ClientAddress.of(exchange.getRequest())).flatMap(verdict -> {
            if (!verdict.shared()) {
                return problems.loginUnavailable(exchange);
            }
            if (verdict.consumed()) {
                return exchange.getSession()
                        .doOnNext(session -> session.setMaxIdleTime(unfinishedLoginTimeout))
                        .then(chain.filter(exchange));
            }
            long retryAfter = verdict.retryAfterSeconds();
            RefusalLog.refused(429, exchange, null, "login start limit");
            return problems.tooManyRequests(exchange, retryAfter, "login-rate-limited", "Too many login attempts",
                    "Too many logins started from this address; retry after " + retryAfter + " s. "
                            + "此地址发起的登录过多，请 " + retryAfter + " 秒后再试。");
        });
    }
}
