package cn.gov.planwatch.gateway.security;

import cn.gov.planwatch.contracts.access.BearerHeader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A request's bearer token: read by {@link BearerHeader} when its Authorization header carries a well-formed one and
 * its query offers no other ({@code access_token}); every other request is read by Spring Security's own converter,
 * whose refusals and their wording stay as they are.
 */
final class BearerTokenFromHeader implements ServerAuthenticationConverter {

    private final ServerAuthenticationConverter framework = new ServerBearerTokenAuthenticationConverter();

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String token = BearerHeader.token(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        String query = request.getURI().getRawQuery();
        if (token != null && (query == null || !query.contains("access_token"))) {
            return Mono.just(new BearerTokenAuthenticationToken(token));
        }
        return framework.convert(exchange);
    }
}
