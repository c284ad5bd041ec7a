import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the benchmark's indicator topic a history of realistic length, for the rebuild measure: a few thousand events
 * replay in about a second, which times the rebuild's fixed costs (a fresh schema, pausing the live projector), not
 * its rate. Appends COUNT events copied in turn from those already in the topic (reports the product accepted
 * through its API in this run), each under a new event id — in the {@code ce_id} header and the body's
 * {@code eventId} — so every one is a distinct report of the same indicator and period: a later revision.
 *
 * <p>Usage: java -cp "launcher/target/lib/*:…" SeedHistory BOOTSTRAP TOPIC COUNT [PLAN]; prints one PERF_RESULT line.
 * With PLAN, only that plan's reports are copied, so that its own history grows by COUNT.
 */
public class SeedHistory {

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"[0-9a-f-]{36}\"");

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        int count = Integer.parseInt(args[2]);
        List<ConsumerRecord<byte[], byte[]>> originals = readAll(bootstrap, topic);
        if (args.length > 3) {
            Pattern ofPlan = Pattern.compile("\"plan\"\\s*:\\s*\"" + Pattern.quote(args[3]) + "\"");
            originals = originals.stream()
                    .filter(r -> ofPlan.matcher(new String(r.value(), StandardCharsets.UTF_8)).find()).toList();
        }
        if (originals.isEmpty()) {
            throw new IllegalStateException("no records in " + topic + " to copy");
        }
        long begin = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                ConsumerRecord<byte[], byte[]> original = originals.get(i % originals.size());
                String id = UUID.randomUUID().toString();
                String body = new String(original.value(), StandardCharsets.UTF_8);
                Matcher m = EVENT_ID.matcher(body);
                if (!m.find()) {
                    throw new IllegalStateException("no eventId in " + body);
                }
                body = m.replaceFirst(Matcher.quoteReplacement("\"eventId\":\"" + id + "\""));
                RecordHeaders headers = new RecordHeaders();
                for (Header h : original.headers()) {
                    if (!h.key().equals("ce_id")) {
                        headers.add(h.key(), h.value());
                    }
                }
                headers.add("ce_id", id.getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(topic, original.partition(), original.key(),
                        body.getBytes(StandardCharsets.UTF_8), headers));
            }
            producer.flush();
        }
        System.out.printf("PERF_RESULT appended=%d copied_from=%d seconds=%.3f%n", count, originals.size(),
                (System.nanoTime() - begin) / 1e9);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
