package cn.gov.planwatch.reporting.ops;

import cn.gov.planwatch.reporting.ops.internal.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A dead-letter record as Spring Kafka's publisher writes it, read back into what operators see and replay. */
class DeadLetterTest {

    @Test
    void readsTheOriginAndFailureAndKeepsOnlyTheOriginalHeadersForReplay() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", utf8("cn.gov.planwatch.indicator.ObservationReported.v2"));
        headers.add("ce_id", utf8("8d0f5a43-0d0c-4a56-9a3a-3c1cf1a9e0f1"));
        headers.add("traceparent", utf8("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        headers.add(KafkaHeaders.DELIVERY_ATTEMPT, ByteBuffer.allocate(4).putInt(3).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8("planwatch.indicator-events"));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(2).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(41).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(8).putLong(1_700_000_000_000L).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, utf8("reporting-service.national-view"));
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8("org.springframework.kafka.listener.ListenerExecutionFailedException"));
        headers.add(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, utf8("java.util.NoSuchElementException"));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8("Listener failed; No value present\u0000"));
        headers.add(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, utf8("""
                org.springframework.kafka.listener.ListenerExecutionFailedException: Listener failed
                	at org.springframework.kafka.listener.KafkaMessageListenerContainer.x(Unknown Source)
                Caused by: java.lang.IllegalStateException: outer
                	... 12 more
                Caused by: java.util.NoSuchElementException: No value present
                	at java.base/java.util.Optional.orElseThrow(Optional.java:377)
                """));
        byte[] value = {1, 2, 3};
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("planwatch.indicator-events.dlt", 2, 7,
                1_700_000_005_000L, TimestampType.CREATE_TIME, 6, 3, utf8("IND-05"), value, headers, Optional.empty());

        DeadLetter letter = DeadLetter.from(record);

        assertThat(letter.id()).isEqualTo(DeadLetter.idOf("planwatch.indicator-events.dlt", 2, 7))
                .isNotEqualTo(DeadLetter.idOf("planwatch.indicator-events.dlt", 2, 8));
        assertThat(letter.originalTopic()).isEqualTo("planwatch.indicator-events");
        assertThat(letter.originalPartition()).isEqualTo(2);
        assertThat(letter.originalOffset()).isEqualTo(41L);
        assertThat(letter.failedGroup()).isEqualTo("reporting-service.national-view");
        assertThat(letter.eventType()).isEqualTo("cn.gov.planwatch.indicator.ObservationReported.v2");
        assertThat(letter.cause()).isEqualTo("java.util.NoSuchElementException");
        assertThat(letter.message()).isEqualTo("Listener failed; No value present");
        assertThat(letter.rootCause()).isEqualTo("java.util.NoSuchElementException: No value present");
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.firstFailure()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(letter.deadLetteredAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_005_000L));
        assertThat(letter.value()).isEqualTo(value);
        assertThat(letter.headers()).extracting(DeadLetter.StoredHeader::name)
                .containsExactly("ce_type", "ce_id", "traceparent");
    }

    @Test
    void aRecordWithoutTheDeadLetterHeadersStillNamesItsOriginalTopic() {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("planwatch.programme-events.dlt", 0, 0,
                utf8("trade-secrets"), utf8("{}"));

        DeadLetter letter = DeadLetter.from(record);

        assertThat(letter.originalTopic()).isEqualTo("planwatch.programme-events");
        assertThat(letter.originalPartition()).isNull();
        assertThat(letter.attempts()).isNull();
        assertThat(letter.exception()).isNull();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
