package cn.gov.planwatch.platform.security;

import cn.gov.planwatch.testsupport.AuthorizationHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Every request yields the token, or the refusal, that Spring Security's own resolver gives it. */
class BearerTokenFromHeaderTest {

    private final BearerTokenResolver ours = new BearerTokenFromHeader();
    private final BearerTokenResolver framework = new DefaultBearerTokenResolver();

    @Test
    void everyAuthorizationHeaderIsReadAsTheFrameworkReadsIt() {
        for (String authorization : AuthorizationHeaders.corpus()) {
            for (String query : new String[] {null, "plan=ip-2021-2025", "access_token=abc"}) {
                Supplier<MockHttpServletRequest> request = () -> request("GET", authorization, query, null);
                assertThat(outcome(ours, request)).as("%s ?%s", authorization, query)
                        .isEqualTo(outcome(framework, request));
            }
        }
    }

    @Test
    void aFormBodyOfferingAnotherTokenIsReadAsTheFrameworkReadsIt() {
        Supplier<MockHttpServletRequest> form = () -> request("POST", "Bearer abc", null, "access_token=def");

        assertThat(outcome(ours, form)).isEqualTo(outcome(framework, form));
    }

    @Test
    void aWellFormedHeaderGivesItsToken() {
        Supplier<MockHttpServletRequest> json = () -> request("POST", "bearer a.b-c_d~e+f/g==", null, null);

        assertThat(outcome(ours, json)).isEqualTo("token a.b-c_d~e+f/g==");
    }

    private static MockHttpServletRequest request(String method, String authorization, String query, String form) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/v1/indicators");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        if (query != null) {
            request.setQueryString(query);
            String[] pair = query.split("=", 2);
            request.addParameter(pair[0], pair[1]);
        }
        if (form != null) {
            request.setContentType("application/x-www-form-urlencoded");
            String[] pair = form.split("=", 2);
            request.addParameter(pair[0], pair[1]);
        } else if ("POST".equals(method)) {
            request.setContentType("application/json");
        }
        return request;
    }

    private static String outcome(BearerTokenResolver resolver, Supplier<MockHttpServletRequest> request) {
        try {
            String token = resolver.resolve(request.get());
            return token == null ? "none" : "token " + token;
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + " " + refused.getError().getDescription();
        }
    }
}
