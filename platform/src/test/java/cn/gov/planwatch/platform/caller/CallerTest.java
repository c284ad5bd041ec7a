package cn.gov.planwatch.platform.caller;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    @Test
    void aClientActingForItselfIsItsOwnSubject() {
        assertThat(new Caller("cnipa-reporter", "CNIPA", Set.of("reporter"), null).subject())
                .isEqualTo("cnipa-reporter");
        assertThat(new Caller("cnipa-reporter", null, "CNIPA", Set.of("reporter"), null).subject())
                .isEqualTo("cnipa-reporter");
        assertThat(new Caller("planwatch-gateway", "li.na", "CNIPA", Set.of("reporter"), null).subject())
                .isEqualTo("li.na");
    }

    @Test
    void theClientIsTheTokensClientIdAndTheSubjectItsSub() {
        Jwt person = jwt("li.na", "planwatch-gateway");
        Jwt clientWithoutClaim = jwt("samr-reporter", null);

        assertThat(Caller.clientOf(person)).isEqualTo("planwatch-gateway");
        assertThat(Caller.clientOf(clientWithoutClaim)).isEqualTo("samr-reporter");
        assertThat(Caller.auditName(new JwtAuthenticationToken(person)))
                .isEqualTo("client=planwatch-gateway subject=li.na");
        assertThat(Caller.auditName(null)).isEqualTo("client=- subject=-");
    }

    private static Jwt jwt(String subject, String clientId) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (clientId != null) {
            builder.claim("client_id", clientId);
        }
        return builder.build();
    }
}
