package cn.gov.planwatch.reporting.ops.internal;

import cn.gov.planwatch.contracts.cloudevents.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.SerializationUtils;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One record of a {@code <topic>.dlt}, as Spring Kafka's dead-letter publisher wrote it: the original
 * key and value bytes, the original headers, and the failure in {@code kafka_dlt-*} headers.
 *
 * @param id           derived from the dead-letter record's topic, partition and offset: recording it twice
 *                     (after a redelivery) is recording it once
 * @param headers      the headers a replay re-publishes: the original ones, without the dead-letter
 *                     publisher's and the container's bookkeeping
 * @param firstFailure the original record's timestamp (its first delivery failed), else the dead letter's
 */
public record DeadLetter(UUID id, String deadLetterTopic, int deadLetterPartition, long deadLetterOffset,
        String originalTopic, Integer originalPartition, Long originalOffset, String failedGroup, byte[] key,
        byte[] value, List<StoredHeader> headers, String eventType, String eventId, String exception,
        String cause, String message, String rootCause, Instant firstFailure, Instant deadLetteredAt,
        Integer attempts) {

    public record StoredHeader(String name, byte[] value) {
    }

    public static UUID idOf(String topic, int partition, long offset) {
        return UUID.nameUUIDFromBytes(("dead-letter:" + topic + "/" + partition + "/" + offset)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static DeadLetter from(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        String originalTopic = text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (originalTopic == null && StreamTopics.isDeadLetterTopic(record.topic())) {
            originalTopic = record.topic().substring(0, record.topic().lastIndexOf('.'));
        }
        boolean keyFailed = headers.lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN) == null
                && headers.lastHeader(KafkaHeaders.DLT_KEY_EXCEPTION_FQCN) != null;
        Long originalTimestamp = longValue(headers, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
        Instant deadLetteredAt = record.timestampType() == TimestampType.NO_TIMESTAMP_TYPE ? Instant.now()
                : Instant.ofEpochMilli(record.timestamp());
        return new DeadLetter(idOf(record.topic(), record.partition(), record.offset()), record.topic(),
                record.partition(), record.offset(), originalTopic, intValue(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longValue(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), record.key(), record.value(),
                replayable(headers), text(headers, CloudEventHeaders.TYPE), text(headers, CloudEventHeaders.ID),
                text(headers, keyFailed ? KafkaHeaders.DLT_KEY_EXCEPTION_FQCN : KafkaHeaders.DLT_EXCEPTION_FQCN),
                keyFailed ? null : text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
                text(headers, keyFailed ? KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE : KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                rootCause(text(headers, keyFailed ? KafkaHeaders.DLT_KEY_EXCEPTION_STACKTRACE
                        : KafkaHeaders.DLT_EXCEPTION_STACKTRACE)),
                originalTimestamp == null ? deadLetteredAt : Instant.ofEpochMilli(originalTimestamp), deadLetteredAt,
                intValue(headers, KafkaHeaders.DELIVERY_ATTEMPT));
    }

    /**
     * The innermost "Caused by:" line of the stack trace (class and message): the wrapper's own message is
     * often only "failed to deserialize" or "listener failed", while this one says what was wrong.
     */
    static String rootCause(String stackTrace) {
        if (stackTrace == null) {
            return null;
        }
        return stackTrace.lines().filter(line -> line.startsWith("Caused by: ")).reduce((outer, inner) -> inner)
                .map(line -> line.substring("Caused by: ".length()))
                .orElseGet(() -> stackTrace.lines().findFirst().orElse(null));
    }

    /** Re-publishing these would tell the consumer the record had already failed, or how often. */
    static boolean bookkeeping(String header) {
        return header.startsWith("kafka_dlt-") || header.equals(KafkaHeaders.DELIVERY_ATTEMPT)
                || header.startsWith(SerializationUtils.DESERIALIZER_EXCEPTION_HEADER_PREFIX);
    }

    private static List<StoredHeader> replayable(Headers headers) {
        List<StoredHeader> kept = new ArrayList<>();
        for (Header header : headers) {
            if (!bookkeeping(header.key())) {
                kept.add(new StoredHeader(header.key(), header.value()));
            }
        }
        return kept;
    }

    /** UTF-8 text of the header, without the NUL characters PostgreSQL text cannot hold. */
    static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : text(header.value());
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8).replace("\u0000", "");
    }

    private static Integer intValue(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null || header.value().length != Integer.BYTES ? null
                : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longValue(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null || header.value().length != Long.BYTES ? null
                : ByteBuffer.wrap(header.value()).getLong();
    }
}
