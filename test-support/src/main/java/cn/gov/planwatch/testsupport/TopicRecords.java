package cn.gov.planwatch.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Finds a record in the log as it was written: its CloudEvents headers and body bytes. */
public final class TopicRecords {

    /** The record of {@code topic} whose {@code ce_id} is {@code eventId}, read from the beginning of the topic. */
    public static ConsumerRecord<byte[], byte[]> withEventId(String bootstrapServers, String topic, String eventId,
            Duration timeout) {
        return withEventId(bootstrapServers, topic, eventId, new ByteArrayDeserializer(), timeout);
    }

    /**
     * The same record, its value read by {@code valueDeserializer} — a consumer's own, to show that it reads what
     * the log holds. Every record before it passes through that deserializer too.
     */
    public static <V> ConsumerRecord<byte[], V> withEventId(String bootstrapServers, String topic, String eventId,
            Deserializer<V> valueDeserializer, Duration timeout) {
        try (KafkaConsumer<byte[], V> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArrayDeserializer(), valueDeserializer)) {
            List<TopicPartition> partitions = IntStream.range(0, consumer.partitionsFor(topic).size())
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], V> record : consumer.poll(Duration.ofMillis(500))) {
                    if (eventId.equals(header(record, "ce_id"))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("event " + eventId + " not found in " + topic);
    }

    /** A header's value as text, or null when the record has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private TopicRecords() {
    }
}
