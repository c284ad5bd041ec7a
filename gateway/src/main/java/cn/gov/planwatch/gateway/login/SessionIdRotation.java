package cn.gov.planwatch.gateway.login;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Gives the session a new id once the person has logged in, then hands over (e.g. to the saved-request redirect):
 * an id planted in a browser before login (session fixation) is worthless after it. WebFlux security does not do
 * this by itself. The session, kept only briefly while the login was unfinished, is from now on kept for the
 * logged-in idle timeout.
 */
public class SessionIdRotation implements ServerAuthenticationSuccessHandler {

    private final ServerAuthenticationSuccessHandler next;
    private final Duration loggedInTimeout;

    public SessionIdRotation(ServerAuthenticationSuccessHandler next, Duration loggedInTimeout) {
        this.next = next;
        this.loggedInTimeout = loggedInTimeout;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        return exchange.getExchange().getSession()
                .doOnNext(session -> session.setMaxIdleTime(loggedInTimeout))
                .flatMap(WebSession::changeSessionId)
                .then(next.onAuthenticationSuccess(exchange, authentication));
    }
}
