package cn.gov.planwatch.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    private final Instant now = Instant.parse("2025-10-01T02:00:00Z");
    private final List<String> verified = new ArrayList<>();

    /** Stands in for the signature check: accepts tokens starting with "good", each valid five minutes. */
    private final JwtDecoder signatureCheck = token -> {
        verified.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("signature does not verify");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("cnipa-reporter")
                .issuedAt(now).expiresAt(now.plusSeconds(300)).build();
    };

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromTheCache() {
        // When the cached entry ends is VerifiedTokensTest's subject.
        CachingJwtDecoder decoder = new CachingJwtDecoder(signatureCheck, Clock.fixed(now, ZoneOffset.UTC));
        Jwt first = decoder.decode("good-1");
        Jwt again = decoder.decode("good-1");
        decoder.decode("good-2");

        assertThat(again).isSameAs(first);
        assertThat(verified).containsExactly("good-1", "good-2");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(signatureCheck, Clock.fixed(now, ZoneOffset.UTC));

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("forged", "forged");
    }
}
