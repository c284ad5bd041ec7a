package cn.gov.planwatch.gateway.login;

import cn.gov.planwatch.gateway.problem.ProblemResponses;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The client registrations of {@code spring.security.oauth2.client.*}, with the provider's OIDC discovery done on
 * first use instead of at start-up (Boot's default): the gateway starts, and serves the API, while the
 * authorization server is still coming up. A failed discovery is retried on the next login.
 */
public class DiscoveredClientRegistrations implements ReactiveClientRegistrationRepository {

    private final Mono<Map<String, ClientRegistration>> registrations;

    public DiscoveredClientRegistrations(OAuth2ClientProperties properties) {
        this.registrations = Mono.fromCallable(() -> new OAuth2ClientPropertiesMapper(properties).asClientRegistrations())
                // discovery is a blocking HTTP call
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(failure -> unavailable(failure))
                .cache(found -> Duration.ofMillis(Long.MAX_VALUE), failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return registrations.mapNotNull(all -> all.get(registrationId));
    }

    private static ResponseStatusException unavailable(Throwable failure) {
        ResponseStatusException unavailable = new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "authorization server not reachable", failure);
        unavailable.getBody().setType(URI.create(ProblemResponses.TYPE_PREFIX + "login-unavailable"));
        unavailable.getBody().setTitle("Login unavailable");
        unavailable.getBody().setDetail("The authorization server cannot be reached; try logging in again later.");
        return unavailable;
    }
}
