package cn.gov.planwatch.gateway.limits;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ClientBucketsTest {

    private final ManualClock clock = new ManualClock();
    private final ClientBuckets buckets = new ClientBuckets(new GatewayLimits.RateLimit(2, 1), clock);

    @Test
    void aClientGetsItsCapacityThenWaitsForTheRefill() {
        assertThat(buckets.tryConsume("a").isConsumed()).isTrue();
        assertThat(buckets.tryConsume("a").getRemainingTokens()).isZero();

        ConsumptionProbe refused = buckets.tryConsume("a");
        assertThat(refused.isConsumed()).isFalse();
        assertThat(refused.getNanosToWaitForRefill()).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(buckets.tryConsume("b").isConsumed()).as("another client's bucket").isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.tryConsume("a").isConsumed()).isTrue();
    }

    @Test
    void bucketsIdleForAFullRefillAreEvictedOthersKept() {
        buckets.tryConsume("idle");
        clock.advance(Duration.ofMillis(1500));
        buckets.tryConsume("active");

        assertThat(buckets.evictIdle()).isZero();
        clock.advance(Duration.ofMillis(500));
        assertThat(buckets.idleBeforeEviction()).isEqualTo(Duration.ofSeconds(2));
        assertThat(buckets.evictIdle()).isEqualTo(1);
        assertThat(buckets.size()).isEqualTo(1);
    }

    @Test
    void anEvictedClientStartsWithAFullBucketAsItWouldHaveAnyway() {
        buckets.tryConsume("a");
        buckets.tryConsume("a");
        clock.advance(Duration.ofSeconds(2));
        buckets.evictIdle();

        assertThat(buckets.tryConsume("a").getRemainingTokens()).isEqualTo(1);
    }

    private static final class ManualClock implements TimeMeter {
        private long nanos = 1_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
