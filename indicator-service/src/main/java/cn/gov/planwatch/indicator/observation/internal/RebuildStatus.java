package cn.gov.planwatch.indicator.observation.internal;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Where a rebuild stands. {@code target} is the number of records in the log when it started;
 * {@code skipped} counts records the live projector could not apply either (they are in the
 * dead-letter topic).
 */
@Schema(description = "Where the last rebuild of a read model stands / 读模型最近一次重建的进度")
public record RebuildStatus(
        @Schema(description = "The read model", example = "observations", requiredMode = REQUIRED) String projection,
        @Schema(description = "IDLE (none since the service started), RUNNING, SWAPPED (the rebuilt model serves) "
                + "or FAILED (the live model is untouched)", allowableValues = {IDLE, RUNNING, SWAPPED, FAILED},
                example = RUNNING, requiredMode = REQUIRED) String state,
        @Schema(description = "Events folded into the fresh model so far", example = "12000",
                requiredMode = REQUIRED) long applied,
        @Schema(description = "Records the live projector could not apply either (they are in the dead-letter topic)",
                example = "0", requiredMode = REQUIRED) long skipped,
        @Schema(description = "Records in the log when the rebuild started", example = "35051",
                requiredMode = REQUIRED) long target,
        @Schema(description = "When the rebuild started; null while IDLE", example = "2025-10-08T02:00:00Z",
                nullable = true, requiredMode = REQUIRED) Instant startedAt,
        @Schema(description = "When it swapped or failed; null while IDLE or RUNNING",
                example = "2025-10-08T02:00:04Z", nullable = true, requiredMode = REQUIRED) Instant finishedAt,
        @Schema(description = "Why it failed; null unless FAILED", example = "Connection to localhost:15432 refused.",
                nullable = true, requiredMode = REQUIRED) String error) {

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
