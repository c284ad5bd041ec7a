import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

/**
 * Duplicate and out-of-order delivery: reads the records already in TOPIC (up to its end offsets now), picks COUNT of
 * them at random, and produces them again byte for byte — same partition, key, value, timestamp and every header
 * (the ce_* CloudEvents attributes, traceparent) — a TWICE_SHARE of them twice — all in shuffled order. The
 * projectors then get copies of events they applied long ago, after newer ones, and copies of one event back to back.
 * Writes OUT: "partition,offset,eventId" of each picked record; prints a PERF_RESULT line.
 *
 * <p>Usage: Redeliver BOOTSTRAP TOPIC COUNT TWICE_SHARE SEED OUT
 */
public class Redeliver {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        int count = Integer.parseInt(args[2]);
        double twiceShare = Double.parseDouble(args[3]);
        Random random = new Random(Long.parseLong(args[4]));
        Path out = Path.of(args[5]);

        List<ConsumerRecord<byte[], byte[]>> log = new ArrayList<>();
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (partitions.stream().anyMatch(tp -> reader.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        log.add(r);
                    }
                }
            }
        }
        Collections.shuffle(log, random);
        List<ConsumerRecord<byte[], byte[]>> picked = log.subList(0, Math.min(count, log.size()));
        List<ConsumerRecord<byte[], byte[]>> copies = new ArrayList<>(picked);
        int twice = (int) Math.round(picked.size() * twiceShare);
        for (int i = 0; i < twice; i++) {
            copies.add(picked.get(i));
        }
        Collections.shuffle(copies, random);

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int produced = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> r : copies) {
                List<Header> headers = new ArrayList<>();
                r.headers().forEach(headers::add);
                producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.timestamp(), r.key(), r.value(),
                        headers)).get();
                produced++;
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (ConsumerRecord<byte[], byte[]> r : picked) {
                Header id = r.headers().lastHeader("ce_id");
                w.println(r.partition() + "," + r.offset() + ","
                        + (id == null ? "" : new String(id.value(), StandardCharsets.UTF_8)));
            }
        }
        System.out.printf("PERF_RESULT log_records=%d picked=%d copies_produced=%d produced_twice=%d%n",
                log.size(), picked.size(), produced, twice);
    }
}
