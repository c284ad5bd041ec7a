package cn.gov.planwatch.reporting.review;

import java.time.Duration;
import java.time.Instant;

/** How long an update has waited, in whole days: what the lead agency's queue shows. */
final class Days {

    static long between(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toDays());
    }

    private Days() {
    }
}
