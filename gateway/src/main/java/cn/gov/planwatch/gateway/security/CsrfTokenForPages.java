package cn.gov.planwatch.gateway.security;

import cn.gov.planwatch.contracts.access.PageCsrfToken;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Hands a dashboard page its login session's CSRF token, in a request header the gateway alone sets, so the page
 * can put it in its forms' {@code _csrf} field: a form then posts without any script, and a foreign page, which
 * cannot read ours, cannot forge it. Whatever a caller sent in that header is dropped.
 */
class CsrfTokenForPages implements WebFilter {

    private static final String HEADER = PageCsrfToken.HEADER;

    private static final PathPattern PAGES = PathPatternParser.defaultInstance.parse("/dashboard/**");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        // A form post's answer is a page too (a refusal shows the form again), so every method gets the token.
        boolean page = PAGES.matches(request.getPath().pathWithinApplication());
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (!page || token == null) {
            return request.getHeaders().containsHeader(HEADER)
                    ? chain.filter(exchange.mutate().request(without(request)).build())
                    : chain.filter(exchange);
        }
        return token.map(csrf -> exchange.mutate()
                        .request(request.mutate().headers(headers -> headers.set(HEADER, csrf.getToken())).build())
                        .build())
                .defaultIfEmpty(exchange.mutate().request(without(request)).build())
                .flatMap(chain::filter);
    }

    private static ServerHttpRequest without(ServerHttpRequest request) {
        return request.mutate().headers(headers -> headers.remove(HEADER)).build();
    }
}
