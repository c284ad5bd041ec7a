package cn.gov.planwatch.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SecurityRefusalsTest {

    @Test
    void aRefusalOfAPersonNamesThePersonBesideTheClient(CapturedOutput output) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST",
                "/api/v1/quarterly-updates/SAMR/2025-Q3/accept");
        request.setServletPath("/api/v1/quarterly-updates/SAMR/2025-Q3/accept");
        request.setUserPrincipal(new JwtAuthenticationToken(Jwt.withTokenValue("t").header("alg", "RS256")
                .subject("li.na").claim("client_id", "planwatch-gateway")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build()));
        MockHttpServletResponse response = new MockHttpServletResponse();

        new SecurityRefusals(JsonMapper.builder().build()).handle(request, response, new AccessDeniedException("no"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(output.getOut()).contains("security.refused status=403")
                .contains("client=planwatch-gateway subject=li.na");
    }

    @Test
    void aRefusedRoleIsExplainedInChineseToAReaderWhoPrefersItAndInEnglishOtherwise() throws Exception {
        for (String acceptLanguage : new String[] {"zh-CN", null}) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST",
                    "/api/v1/quarterly-updates/SAMR/2025-Q3/accept");
            request.setServletPath("/api/v1/quarterly-updates/SAMR/2025-Q3/accept");
            if (acceptLanguage != null) {
                request.addHeader("Accept-Language", acceptLanguage);
            }
            MockHttpServletResponse response = new MockHttpServletResponse();

            new SecurityRefusals(JsonMapper.builder().build()).handle(request, response,
                    new AccessDeniedException("no"));

            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getHeader("Content-Language")).isEqualTo(acceptLanguage == null ? "en" : "zh-CN");
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(acceptLanguage == null
                    ? "\"detail\":\"Your token's role does not allow this call.\""
                    : "\"detail\":\"令牌所属角色无权进行此项操作。\"");
        }
    }
}
