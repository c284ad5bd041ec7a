package cn.gov.planwatch.programme;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in integration tests: the system clock until a test sets it, so that deadlines
 * and "not in the future" are deterministic. Tests that set it reset it afterwards (the context, and
 * so the clock, is shared by every IT of the module).
 */
public final class SettableClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant instant) {
        fixed = instant;
    }

    public void set(String isoInstant) {
        set(Instant.parse(isoInstant));
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    /** Import next to {@code @PlanwatchIntegrationTest} in every IT of the module, so they share one context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        SettableClock settableClock() {
            return new SettableClock();
        }
    }
}
