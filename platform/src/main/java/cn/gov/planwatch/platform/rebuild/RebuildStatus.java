package cn.gov.planwatch.platform.rebuild;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Where the last rebuild of a read model stands, whichever instance runs or ran it. */
@Schema(description = "Where the last rebuild of a read model stands / 读模型最近一次重建的进度")
public record RebuildStatus(
        @Schema(description = "The read model", example = "observations", requiredMode = REQUIRED) String projection,
        @Schema(description = "IDLE (never rebuilt), RUNNING, SWAPPED (the rebuilt model serves) or FAILED (the live "
                + "model is untouched)", allowableValues = {IDLE, RUNNING, SWAPPED, FAILED}, example = RUNNING,
                requiredMode = REQUIRED) String state,
        @Schema(description = "Records of the log replayed into the fresh model so far", example = "12000",
                requiredMode = REQUIRED) long replayed,
        @Schema(description = "Records left out because they could not be applied and are in the dead-letter topic",
                example = "0", requiredMode = REQUIRED) long skippedDeadLettered,
        @Schema(description = "Records in the log when the rebuild started", example = "35051",
                requiredMode = REQUIRED) long target,
        @Schema(description = "When the rebuild started; null while IDLE", example = "2025-10-08T02:00:00Z",
                nullable = true, requiredMode = REQUIRED) Instant startedAt,
        @Schema(description = "When it swapped or failed; null while IDLE or RUNNING",
                example = "2025-10-08T02:00:04Z", nullable = true, requiredMode = REQUIRED) Instant finishedAt,
        @Schema(description = "Who started it: the person, or the client acting for itself; null while IDLE",
                example = "planwatch-operator", nullable = true, requiredMode = REQUIRED) String startedBy,
        @Schema(description = "The client through which it was started; null while IDLE",
                example = "planwatch-operator", nullable = true, requiredMode = REQUIRED) String startedByClient,
        @Schema(description = "Why it failed; null unless FAILED", example = "Connection to localhost:15432 refused.",
                nullable = true, requiredMode = REQUIRED) String error) {

    public static final String IDLE = "IDLE";
    public static final String RUNNING = "RUNNING";
    public static final String SWAPPED = "SWAPPED";
    public static final String FAILED = "FAILED";

    static RebuildStatus idle(String projection) {
        return new RebuildStatus(projection, IDLE, 0, 0, 0, null, null, null, null, null);
    }

    static RebuildStatus started(String projection, Instant at, String startedBy, String startedByClient) {
        return new RebuildStatus(projection, RUNNING, 0, 0, 0, at, null, startedBy, startedByClient, null);
    }

    RebuildStatus progress(long replayed, long skippedDeadLettered, long target) {
        return new RebuildStatus(projection, state, replayed, skippedDeadLettered, target, startedAt, null, startedBy,
                startedByClient, null);
    }

    RebuildStatus finished(String state, Instant at, String error) {
        return new RebuildStatus(projection, state, replayed, skippedDeadLettered, target, startedAt, at, startedBy,
                startedByClient, error);
    }

    public boolean running() {
        return RUNNING.equals(state);
    }
}
