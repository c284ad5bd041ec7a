package cn.gov.planwatch.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Which requests need a CSRF token: state-changing requests that ride on the browser's session cookie. An API
 * call with a bearer token, or with no session cookie at all, carries no ambient credential a foreign page could
 * abuse, so it is exempt (and a missing token stays a 401, not a CSRF 403).
 */
public class BrowserCsrfMatcher implements ServerWebExchangeMatcher {

    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

    private final String sessionCookie;

    public BrowserCsrfMatcher(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        if (API.matches(request.getPath().pathWithinApplication())
                && (bearer(request) || !request.getCookies().containsKey(sessionCookie))) {
            return MatchResult.notMatch();
        }
        return CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange);
    }

    private static boolean bearer(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
