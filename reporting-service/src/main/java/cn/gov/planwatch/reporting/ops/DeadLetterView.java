package cn.gov.planwatch.reporting.ops;

import java.time.Instant;
import java.util.UUID;

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
public record DeadLetterView(UUID id, String type, String eventId, String key, String originalTopic,
        Integer originalPartition, Long originalOffset, String failedGroup, Failure error, Instant firstFailureAt,
        Instant deadLetteredAt, Integer attempts, String state, Instant replayedAt, String replayedBy) {

    /**
     * @param exception the exception the listener container reported
     * @param cause     its cause's class
     * @param rootCause the innermost cause, class and message, from the stack trace: what was really wrong
     */
    public record Failure(String exception, String cause, String message, String rootCause) {
    }
}
