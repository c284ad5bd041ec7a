package cn.gov.planwatch.auth.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code planwatch.auth.throttle}: how failed client authentications and user logins are held back,
 * per client address.
 *
 * @param freeFailures        failures an address may have within the window before its attempts are slowed
 * @param maxFailures         failures within the window after which the address is refused (429) until it ends
 * @param window              how long failures count, from the first one
 * @param delayStep           each failure beyond the free ones delays the next attempt by this much more
 * @param maxDelay            the longest an attempt is delayed
 * @param maxTrackedAddresses addresses remembered at once; beyond, the least recently seen is forgotten
 */
@ConfigurationProperties("planwatch.auth.throttle")
public record ThrottleProperties(
        @DefaultValue("5") int freeFailures,
        @DefaultValue("20") int maxFailures,
        @DefaultValue("15m") Duration window,
        @DefaultValue("250ms") Duration delayStep,
        @DefaultValue("2s") Duration maxDelay,
        @DefaultValue("100000") int maxTrackedAddresses) {

    public ThrottleProperties {
        if (freeFailures < 0 || maxFailures <= freeFailures || maxTrackedAddresses < 1
                || window.isZero() || window.isNegative() || delayStep.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("planwatch.auth.throttle: need 0 <= free-failures < max-failures, "
                    + "a positive window, non-negative delays and max-tracked-addresses >= 1");
        }
    }
}
