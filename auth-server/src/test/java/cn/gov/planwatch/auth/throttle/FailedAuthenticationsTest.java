package cn.gov.planwatch.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedAuthenticationsTest {

    private long now = 0;
    private final FailedAuthentications failures = new FailedAuthentications(
            new ThrottleProperties(2, 5, Duration.ofMinutes(15), Duration.ofMillis(100), Duration.ofMillis(250), 3),
            () -> now);

    @Test
    void failuresAreFreeThenSlowedEverMoreThenRefusedUntilTheWindowEnds() {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            FailedAuthentications.Verdict verdict = failures.begin("10.0.0.1");
            assertThat(verdict.refused()).isFalse();
            delays.add(verdict.delay());
            failures.finished("10.0.0.1", true);
        }
        assertThat(delays).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(250));

        now += Duration.ofMinutes(5).toNanos();
        FailedAuthentications.Verdict refused = failures.begin("10.0.0.1");
        assertThat(refused.refused()).isTrue();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(10));

        now += Duration.ofMinutes(10).toNanos();
        assertThat(failures.begin("10.0.0.1")).isEqualTo(FailedAuthentications.Verdict.proceedAfter(Duration.ZERO));
    }

    @Test
    void anotherAddressIsNotHeldBackAndSuccessesCountForNothing() {
        for (int i = 0; i < 5; i++) {
            failures.begin("10.0.0.1");
            failures.finished("10.0.0.1", true);
        }
        assertThat(failures.begin("10.0.0.1").refused()).isTrue();

        for (int i = 0; i < 20; i++) {
            FailedAuthentications.Verdict verdict = failures.begin("10.0.0.2");
            assertThat(verdict).isEqualTo(FailedAuthentications.Verdict.proceedAfter(Duration.ZERO));
            failures.finished("10.0.0.2", false);
        }
    }

    @Test
    void attemptsStillBeingJudgedCountAgainstTheMaximum() {
        for (int i = 0; i < 5; i++) {
            assertThat(failures.begin("10.0.0.1").refused()).isFalse();
        }

        FailedAuthentications.Verdict sixthAtOnce = failures.begin("10.0.0.1");

        assertThat(sixthAtOnce.refused()).isTrue();
        assertThat(sixthAtOnce.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void onlySoManyAddressesAreRemembered() {
        for (int i = 0; i < 10; i++) {
            failures.begin("10.0.1." + i);
        }

        assertThat(failures.trackedAddresses()).isEqualTo(3);
    }
}
