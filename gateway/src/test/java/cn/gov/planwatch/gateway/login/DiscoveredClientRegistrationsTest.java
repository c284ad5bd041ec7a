package cn.gov.planwatch.gateway.login;

import cn.gov.planwatch.gateway.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.web.server.ResponseStatusException;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The login's OIDC discovery happens on first use and is retried after a failure, never at start-up. */
class DiscoveredClientRegistrationsTest {

    @Test
    void anUnreachableIssuerIsA503ThatALaterLoginRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OAuth2ClientProperties properties = new OAuth2ClientProperties();
        OAuth2ClientProperties.Registration registration = new OAuth2ClientProperties.Registration();
        registration.setProvider("planwatch");
        registration.setClientId("planwatch-gateway");
        registration.setClientSecret("s3cret");
        registration.setAuthorizationGrantType("authorization_code");
        registration.setRedirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
        properties.getRegistration().put("planwatch", registration);
        OAuth2ClientProperties.Provider provider = new OAuth2ClientProperties.Provider();
        provider.setIssuerUri("http://localhost:" + closedPort);
        properties.getProvider().put("planwatch", provider);

        // constructing it contacts nobody
        DiscoveredClientRegistrations registrations = new DiscoveredClientRegistrations(properties);

        assertThatThrownBy(() -> registrations.findByRegistrationId("planwatch").block())
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("503");

        provider.setIssuerUri(TestIssuer.shared().issuer());
        assertThat(registrations.findByRegistrationId("planwatch").block().getProviderDetails().getTokenUri())
                .isEqualTo(TestIssuer.shared().issuer() + "/token");
        assertThat(registrations.findByRegistrationId("unknown").blockOptional()).isEmpty();
    }
}
