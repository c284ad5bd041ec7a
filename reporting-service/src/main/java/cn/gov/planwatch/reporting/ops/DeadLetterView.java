package cn.gov.planwatch.reporting.ops;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One dead letter as operators see it.
 *
 * @param type           the CloudEvents type ({@code ce_type}), null when the record had none
 * @param eventId        the {@code ce_id} header as written, null when the record had none
 * @param failedGroup    the consumer group whose listener gave up on it
 * @param firstFailureAt when the original record entered the log (its first delivery failed)
 * @param deadLetteredAt when the retries ran out and it was written to the dead-letter topic
 * @param attempts       deliveries before it was dead-lettered, null if not known
 * @param state          NEW or REPLAYED
 */
@Schema(description = "One event no listener could process / 一条死信")
public record DeadLetterView(
        @Schema(description = "The dead letter's id, for replay", requiredMode = REQUIRED,
                example = "c481a00d-7508-3761-823f-5269319bc740") UUID id,
        @Schema(description = "The CloudEvents type (ce_type); null when the record had none", nullable = true,
                example = "cn.gov.planwatch.indicator.ObservationReported.v2") String type,
        @Schema(description = "The ce_id header as written (it may not be a UUID); null when the record had none",
                nullable = true, example = "ab8d8d1c-6516-4770-9748-d211947a6680") String eventId,
        @Schema(description = "The record's key as text; null when it had none", nullable = true, example = "IND-05")
        String key,
        @Schema(requiredMode = REQUIRED, example = "planwatch.indicator-events") String originalTopic,
        @Schema(description = "null if not known", nullable = true, example = "1") Integer originalPartition,
        @Schema(description = "null if not known", nullable = true, example = "1") Long originalOffset,
        @Schema(description = "The consumer group whose listener gave up on it; null if not known", nullable = true,
                example = "reporting-service.national-view") String failedGroup,
        @Schema(requiredMode = REQUIRED) Failure error,
        @Schema(description = "When the original record entered the log (its first delivery failed)",
                requiredMode = REQUIRED, example = "2025-07-10T02:30:00Z") Instant firstFailureAt,
        @Schema(description = "When the retries ran out and it was written to the dead-letter topic",
                requiredMode = REQUIRED, example = "2025-07-10T02:30:04Z") Instant deadLetteredAt,
        @Schema(description = "Deliveries before it was dead-lettered; null if not known", nullable = true,
                example = "3") Integer attempts,
        @Schema(requiredMode = REQUIRED, allowableValues = {"NEW", "REPLAYED"}, example = "NEW") String state,
        @Schema(description = "When it was replayed; null until then", nullable = true,
                example = "2025-07-11T09:00:00Z") Instant replayedAt,
        @Schema(description = "The client that replayed it; null until then", nullable = true,
                example = "planwatch-operator") String replayedBy) {

    /**
     * @param exception the exception the listener container reported
     * @param cause     its cause's class
     * @param rootCause the innermost cause, class and message, from the stack trace: what was really wrong
     */
    @Schema(description = "Why the listener gave up; each part null if the record did not say / 失败原因")
    public record Failure(
            @Schema(description = "The exception the listener container reported", nullable = true,
                    example = "org.springframework.kafka.listener.ListenerExecutionFailedException") String exception,
            @Schema(description = "Its cause's class", nullable = true, example = "java.util.NoSuchElementException")
            String cause,
            @Schema(nullable = true, example = "Listener method … threw exception") String message,
            @Schema(description = "The innermost cause, class and message, from the stack trace: what was really"
                    + " wrong", nullable = true, example = "java.util.NoSuchElementException: unknown indicator"
                    + " IND-99") String rootCause) {
    }
}
