package cn.gov.planwatch.indicator.observation.internal;

import java.time.Instant;

/**
 * Where a rebuild stands. {@code target} is the number of records in the log when it started;
 * {@code skipped} counts records the live projector could not apply either (they are in the
 * dead-letter topic).
 */
public record RebuildStatus(String projection, String state, long applied, long skipped, long target,
        Instant startedAt, Instant finishedAt, String error) {

    public static final String IDLE = "IDLE";
    public static final String RUNNING = "RUNNING";
    public static final String SWAPPED = "SWAPPED";
    public static final String FAILED = "FAILED";

    static RebuildStatus idle(String projection) {
        return new RebuildStatus(projection, IDLE, 0, 0, 0, null, null, null);
    }

    RebuildStatus progress(long applied, long skipped, long target) {
        return new RebuildStatus(projection, RUNNING, applied, skipped, target, startedAt, null, null);
    }

    RebuildStatus finished(String state, Instant at, String error) {
        return new RebuildStatus(projection, state, applied, skipped, target, startedAt, at, error);
    }
}
