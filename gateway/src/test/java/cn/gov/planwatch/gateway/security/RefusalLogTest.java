package cn.gov.planwatch.gateway.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RefusalLogTest {

    @Test
    void aRefusedPersonIsNamedBesideTheClientThatRelayedTheirToken(CapturedOutput output) {
        JwtAuthenticationToken person = new JwtAuthenticationToken(Jwt.withTokenValue("t").header("alg", "RS256")
                .subject("li.na").claim("client_id", "planwatch-gateway").claim("agency", "SAMR")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build());

        RefusalLog.refused(403, MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/quarterly-updates")),
                person, "role");

        assertThat(output.getOut()).contains("security.refused status=403")
                .contains("client=planwatch-gateway subject=li.na agency=SAMR");
    }
}
