package cn.gov.planwatch.gateway.security;

import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorityReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's access decision: what {@link ApiAccessPolicy} says of a request's method and path. It governs the
 * API, the actuator and every path a rule names; the login's own paths are the login's. A caller without credentials
 * who is refused meets the entry point (401, or the login); one with, the 403 or 405 of {@link SecurityRefusals}.
 */
final class PolicyAuthorization implements ReactiveAuthorizationManager<AuthorizationContext> {

    /** Requests the policy decides: under {@code /api/} or {@code /actuator}, or on a path the table names. */
    static final ServerWebExchangeMatcher GOVERNED = exchange -> {
        String path = path(exchange);
        boolean governed = path.startsWith("/api/") || path.equals("/actuator") || path.startsWith("/actuator/")
                || !(ApiAccessPolicy.decide(exchange.getRequest().getMethod().name(), path)
                        instanceof ApiAccessPolicy.NoRule);
        return governed ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
    };

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerWebExchange exchange = context.getExchange();
        ApiAccessPolicy.Access access = ApiAccessPolicy.decide(exchange.getRequest().getMethod().name(),
                path(exchange));
        if (access instanceof ApiAccessPolicy.Public) {
            return Mono.just(new AuthorizationDecision(true));
        }
        if (access instanceof ApiAccessPolicy.Roles roles) {
            return AuthorityReactiveAuthorizationManager
                    .<AuthorizationContext>hasAnyRole(roles.roles().toArray(String[]::new))
                    .authorize(authentication, context);
        }
        // A method no rule names, or a path no rule covers.
        return Mono.just(new AuthorizationDecision(false));
    }

    /** The decoded path within the application, as the routes' predicates match it. */
    static String path(ServerWebExchange exchange) {
        StringBuilder path = new StringBuilder();
        for (PathContainer.Element element : exchange.getRequest().getPath().pathWithinApplication().elements()) {
            path.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch()
                    : element.value());
        }
        return path.isEmpty() ? "/" : path.toString();
    }
}
