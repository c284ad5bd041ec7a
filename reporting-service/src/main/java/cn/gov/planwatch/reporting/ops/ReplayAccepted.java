package cn.gov.planwatch.reporting.ops;

import java.time.Instant;
import java.util.UUID;

/** The answer to a replay: where the broker acknowledged the re-published record. */
public record ReplayAccepted(UUID id, String state, String topic, int partition, long offset, Instant replayedAt,
        String replayedBy) {
}
