import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How many copies of each settled report the log holds: {@code LogCopies BOOTSTRAP TOPIC SETTLED_CSV}. SETTLED_CSV is
 * {@code SteadyReports settle}'s output; the reports it settled (a first answer in its last column) with a 202 are
 * looked up by eventId ({@code ce_id}) in every record of TOPIC. One copy: the first attempt never reached the log
 * and the resend appended it. Two or more: the first attempt was in the log although its outcome was unknown, and the
 * resend appended the same event id again, which the read models applied once (the invariants check that). None: a
 * 202 whose event is not in the log, a broken promise (exit 1).
 */
public class LogCopies {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        Set<String> settled = new HashSet<>();
        List<String> lines = Files.readAllLines(Path.of(args[2]));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length > 12 && !f[12].isEmpty() && f[5].equals("202")) {
                settled.add(f[6]);
            }
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Map<String, Integer> copies = new HashMap<>();
        long scanned = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 120_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 120 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    scanned++;
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null) {
                        String eventId = new String(id.value(), StandardCharsets.UTF_8);
                        if (settled.contains(eventId)) {
                            copies.merge(eventId, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        long once = copies.values().stream().filter(n -> n == 1).count();
        long more = copies.values().stream().filter(n -> n > 1).count();
        long missing = settled.stream().filter(id -> !copies.containsKey(id)).count();
        System.out.printf("PERF_RESULT settled_202=%d records_scanned=%d appended_by_the_resend=%d"
                + " first_attempt_in_the_log_too=%d not_in_the_log=%d%n", settled.size(), scanned, once, more, missing);
        if (missing > 0) {
            System.exit(1);
        }
    }
}
