package cn.gov.planwatch.gateway.security;

import cn.gov.planwatch.testsupport.AuthorizationHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

/** Every request yields the token, or the refusal, that Spring Security's own converter gives it. */
class BearerTokenFromHeaderTest {

    private final ServerAuthenticationConverter ours = new BearerTokenFromHeader();
    private final ServerAuthenticationConverter framework = new ServerBearerTokenAuthenticationConverter();

    @Test
    void everyAuthorizationHeaderIsReadAsTheFrameworkReadsIt() {
        for (String authorization : AuthorizationHeaders.corpus()) {
            for (String query : new String[] {"", "?plan=ip-2021-2025", "?access_token=abc"}) {
                assertThat(outcome(ours, authorization, query)).as("%s %s", authorization, query)
                        .isEqualTo(outcome(framework, authorization, query));
            }
        }
    }

    @Test
    void aWellFormedHeaderGivesItsToken() {
        assertThat(outcome(ours, "Bearer a.b-c_d~e+f/g==", "")).isEqualTo("token a.b-c_d~e+f/g==");
    }

    private static String outcome(ServerAuthenticationConverter converter, String authorization, String query) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/indicators" + query);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return converter.convert(MockServerWebExchange.from(request))
                    .map(token -> "token " + ((BearerTokenAuthenticationToken) token).getToken())
                    .defaultIfEmpty("none")
                    .block();
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + " " + refused.getError().getDescription();
        }
    }
}
