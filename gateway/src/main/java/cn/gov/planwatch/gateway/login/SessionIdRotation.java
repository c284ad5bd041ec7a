package cn.gov.planwatch.gateway.login;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Gives the session a new id once the person has logged in, then hands over (e.g. to the saved-request redirect):
 * an id planted in a browser before login (session fixation) is worthless after it. WebFlux security does not do
 * this by itself.
 */
public class SessionIdRotation implements ServerAuthenticationSuccessHandler {

    private final ServerAuthenticationSuccessHandler next;

    public SessionIdRotation(ServerAuthenticationSuccessHandler next) {
        this.next = next;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        return exchange.getExchange().getSession().flatMap(WebSession::changeSessionId)
                .then(next.onAuthenticationSuccess(exchange, authentication));
    }
}
