package cn.gov.planwatch.contracts.access;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    private final Instant now = Instant.parse("2025-10-01T02:00:00Z");
    private final MovableClock clock = new MovableClock(now);
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(3, clock);

    @Test
    void aVerifiedTokenIsFoundUntilItExpiresAndNotAnInstantLonger() {
        tokens.put("token-a", "jwt-a", now.plusSeconds(300));

        clock.at = now.plusSeconds(299);
        assertThat(tokens.get("token-a")).isEqualTo("jwt-a");
        clock.at = now.plusSeconds(300);
        assertThat(tokens.get("token-a")).isNull();
        clock.at = now;
        assertThat(tokens.get("token-a")).as("an expired entry is gone, not hidden").isNull();
    }

    @Test
    void aTokenThatDiffersInAnyCharacterIsNotFound() {
        tokens.put("header.payload.signature", "jwt", now.plusSeconds(300));

        assertThat(tokens.get("header.payload.signaturf")).isNull();
        assertThat(tokens.get("header.payload.signature")).isEqualTo("jwt");
    }

    @Test
    void tokensWithoutExpiryOrAlreadyExpiredAreNotKept() {
        tokens.put("no-expiry", "jwt", null);
        tokens.put("expired", "jwt", now);

        assertThat(tokens.get("no-expiry")).isNull();
        assertThat(tokens.get("expired")).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void pastItsCapacityTheCacheEmptiesAndRefills() {
        for (int i = 0; i < 3; i++) {
            tokens.put("token-" + i, "jwt-" + i, now.plus(Duration.ofMinutes(5)));
        }
        tokens.put("token-3", "jwt-3", now.plus(Duration.ofMinutes(5)));

        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.get("token-3")).isEqualTo("jwt-3");
        assertThat(tokens.get("token-0")).isNull();
    }

    private static final class MovableClock extends Clock {
        Instant at;

        MovableClock(Instant at) {
            this.at = at;
        }

        @Override
        public Instant instant() {
            return at;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
