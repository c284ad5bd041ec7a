package cn.gov.planwatch.launcher;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RestartPolicyTest {

    private final MovableClock clock = new MovableClock();
    private final RestartPolicy policy = new RestartPolicy(clock);

    @Test
    void eachDeathInARowWaitsTwiceAsLongBeforeTheRestartUpToThirtySeconds() {
        List<Duration> waits = new ArrayList<>();
        for (int death = 0; death < 8; death++) {
            waits.add(((RestartPolicy.Restart) policy.died()).after());
            clock.advance(Duration.ofMinutes(2)); // never five deaths within five minutes
            policy.serving();
            clock.advance(Duration.ofSeconds(10)); // serving, but not long enough to count as recovered
        }

        assertThat(waits).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void oneThatServedForAMinuteStartsAgainFromOneSecond() {
        policy.died();
        policy.died();
        clock.advance(Duration.ofSeconds(5));
        policy.serving();
        clock.advance(RestartPolicy.RECOVERED_AFTER);

        assertThat(policy.died()).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(1)));
    }

    @Test
    void theFifthDeathWithinFiveMinutesGivesUpAndDeathsOlderThanThatDoNotCount() {
        for (int death = 0; death < 4; death++) {
            assertThat(policy.died()).isInstanceOf(RestartPolicy.Restart.class);
            clock.advance(Duration.ofSeconds(70));
        }
        // the first death is now 4 min 40 s old: the fifth is within five minutes of it
        assertThat(policy.died()).isEqualTo(new RestartPolicy.GiveUp("died 5 times within 5 minutes"));

        RestartPolicy other = new RestartPolicy(clock);
        for (int death = 0; death < 4; death++) {
            other.died();
            clock.advance(Duration.ofSeconds(80));
        }
        // 5 min 20 s after the first: only four deaths are recent
        assertThat(other.died()).isInstanceOf(RestartPolicy.Restart.class);
    }
}
