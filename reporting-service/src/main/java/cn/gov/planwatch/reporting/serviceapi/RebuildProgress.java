package cn.gov.planwatch.reporting.serviceapi;

import java.time.Instant;

/** A read model's rebuild, as far as the operators' console shows it ({@code getProjectionRebuild} of any service). */
public record RebuildProgress(String projection, String state, long replayed, long skippedDeadLettered, long target,
        Instant startedAt, Instant finishedAt, String startedBy, String error) {

    /** Whole per cent of the log replayed, null before a target is known. */
    public Integer percent() {
        return target <= 0 ? null : (int) Math.min(100, replayed * 100 / target);
    }
}
