package cn.gov.planwatch.gateway.login;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * The page a person asked for before logging in, kept in their session so that the login returns them to it. Every
 * request is checked against it, but only a request with the session cookie can have a session to keep it in: for
 * any other (every API call with a bearer token) the answer is "none" without loading a session, which would make up
 * a session for that request alone, its id drawn on another thread (Spring Session's) and the request resumed on a
 * third.
 */
public class SessionRequestCache implements ServerRequestCache {

    private final ServerRequestCache inSessions = new WebSessionServerRequestCache();
    private final String sessionCookie;

    /** @param sessionCookie the name of the cookie that carries the session id */
    public SessionRequestCache(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public Mono<Void> saveRequest(ServerWebExchange exchange) {
        return inSessions.saveRequest(exchange);
    }

    @Override
    public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
        return inSessions.getRedirectUri(exchange);
    }

    @Override
    public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
        return exchange.getRequest().getCookies().containsKey(sessionCookie)
                ? inSessions.removeMatchingRequest(exchange)
                : Mono.empty();
    }
}
