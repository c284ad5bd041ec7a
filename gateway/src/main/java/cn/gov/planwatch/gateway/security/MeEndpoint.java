package cn.gov.planwatch.gateway.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.List;

/** {@code GET /api/v1/me}: who the dashboard (or a client) is signed in as, served by the gateway itself. */
@RestController
public class MeEndpoint {

    /**
     * @param csrf for a login session only: what its state-changing calls must send back. Readable by the
     *             dashboard's own pages alone (same origin, no CORS), so it is no use to a foreign page.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Me(String name, String agency, List<String> roles, Csrf csrf) {
    }

    public record Csrf(String headerName, String token) {
    }

    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Me> me(Principal principal, ServerWebExchange exchange) {
        // The security chain lets only authenticated callers reach this path.
        return Mono.justOrEmpty(Caller.of(principal)).flatMap(caller -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            if (!caller.person() || token == null) {
                return Mono.just(new Me(caller.name(), caller.agency(), caller.roles(), null));
            }
            return token.map(csrf -> new Me(caller.name(), caller.agency(), caller.roles(),
                    new Csrf(csrf.getHeaderName(), csrf.getToken())));
        });
    }
}
