package cn.gov.planwatch.reporting.ops;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The answer to a replay: where the broker acknowledged the re-published record. */
@Schema(description = "Where the broker acknowledged the re-published record / 重新发布的记录位置")
public record ReplayAccepted(
        @Schema(description = "The dead letter's id", requiredMode = REQUIRED) UUID id,
        @Schema(requiredMode = REQUIRED, allowableValues = "REPLAYED", example = "REPLAYED") String state,
        @Schema(requiredMode = REQUIRED, example = "planwatch.indicator-events") String topic,
        @Schema(requiredMode = REQUIRED, example = "1") int partition,
        @Schema(requiredMode = REQUIRED, example = "42") long offset,
        @Schema(requiredMode = REQUIRED, example = "2025-07-11T09:00:00Z") Instant replayedAt,
        @Schema(description = "The client that replayed it", requiredMode = REQUIRED, example = "planwatch-operator")
        String replayedBy) {
}
