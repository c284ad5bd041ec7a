import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

/**
 * Kills a projector's JVM with SIGKILL exactly between its database commit and its offset commit — deterministically,
 * not by luck. Each try pauses the JVM (SIGSTOP), lets a COMMIT it had already sent land, then asks the broker for
 * the group's committed offsets and reads the topic from there to its end: a record at or past the committed offset
 * whose event id is already in the read model was applied but not yet committed. If there is one, the JVM is inside
 * the window and is killed on the spot; otherwise it is resumed (SIGCONT), left to run a few random milliseconds, and
 * tried again, up to MAX_TRIES times.
 *
 * <p>While the JVM is stopped neither its database transactions nor its offset commits move, so the two reads agree
 * with each other. After a miss the JVM is kept paused a little longer (0–1200 ms) before it resumes: records (or, for
 * indicator-service, which takes the reports itself, requests) pile up meanwhile, the projector then folds a batch
 * and commits its offsets once at its end, which widens the window the next try lands in, at a random 5–500 ms. Writes OUT: one "partition,offset,eventId" line per record in the window (they will be redelivered
 * to the restarted projector, which must skip them). Prints a PERF_RESULT line; exits 3 when no try hit the window.
 *
 * <p>Usage: ProjectorWindow BOOTSTRAP JDBC_URL PID GROUP TOPIC TABLE MAX_TRIES MAX_SECONDS OUT
 */
public class ProjectorWindow {

    record Applied(int partition, long offset, String eventId) {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long pid = Long.parseLong(args[2]);
        String group = args[3];
        String topic = args[4];
        String table = args[5];
        int maxTries = Integer.parseInt(args[6]);
        long giveUp = System.nanoTime() + Long.parseLong(args[7]) * 1_000_000_000L;
        Path out = Path.of(args[8]);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        Random random = new Random();
        try (Admin admin = LogPositions.admin(bootstrap);
             KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                     new ByteArrayDeserializer());
             Connection db = asSuperuser(args[1])) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            long pausedNanos = 0;
            int attempt = 0;
            while (++attempt <= maxTries && System.nanoTime() < giveUp) {
                signal("STOP", pid);
                long stopped = System.nanoTime();
                Map<TopicPartition, Long> committed;
                List<Applied> uncommitted;
                Set<String> applied;
                try {
                    Thread.sleep(50);
                    committed = LogPositions.committed(admin, group);
                    Map<TopicPartition, Long> end = reader.endOffsets(partitions);
                    uncommitted = read(reader, partitions, committed, end);
                    applied = applied(db, table, uncommitted);
                } catch (Exception | Error e) {
                    signal("CONT", pid); // never leave the projector paused behind us
                    throw e;
                }
                List<Applied> window = uncommitted.stream().filter(r -> applied.contains(r.eventId())).toList();
                if (!window.isEmpty()) {
                    signal("KILL", pid);
                    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                        window.forEach(r -> w.println(r.partition() + "," + r.offset() + "," + r.eventId()));
                    }
                    long committedSum = partitions.stream().mapToLong(tp -> committed.getOrDefault(tp, 0L)).sum();
                    System.out.printf(Locale.ROOT, "PERF_RESULT hit=yes tries=%d window=%d uncommitted=%d"
                                    + " committed_offsets=%d paused_ms_total=%d%n", attempt, window.size(),
                            uncommitted.size(), committedSum,
                            (pausedNanos + System.nanoTime() - stopped) / 1_000_000);
                    return;
                }
                Thread.sleep(random.nextInt(1200));
                signal("CONT", pid);
                pausedNanos += System.nanoTime() - stopped;
                Thread.sleep(5 + random.nextInt(495));
            }
            System.out.printf(Locale.ROOT, "PERF_RESULT hit=no tries=%d window=0%n", attempt - 1);
            System.exit(3);
        }
    }

    /** The records from the committed offset (the log start when none) to the end offset, with their event ids. */
    static List<Applied> read(KafkaConsumer<byte[], byte[]> reader, List<TopicPartition> partitions,
            Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end) {
        List<Applied> records = new ArrayList<>();
        List<TopicPartition> open = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            long from = committed.getOrDefault(tp, 0L);
            if (from < end.get(tp)) {
                reader.seek(tp, from);
                open.add(tp);
            }
        }
        reader.pause(partitions);
        reader.resume(open);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (open.contains(tp) && r.offset() < end.get(tp)) {
                    records.add(new Applied(r.partition(), r.offset(), text(r.headers().lastHeader("ce_id"))));
                }
            }
            open.removeIf(tp -> reader.position(tp) >= end.get(tp));
            reader.pause(partitions);
            reader.resume(open);
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException("could not read " + open + " to its end offset in 10 s");
        }
        return records;
    }

    static Set<String> applied(Connection db, String table, List<Applied> records) throws Exception {
        Set<String> applied = new HashSet<>();
        if (records.isEmpty()) {
            return applied;
        }
        try (PreparedStatement s = db.prepareStatement(
                "select event_id::text from " + table + " where event_id = any(cast(? as uuid[]))")) {
            s.setArray(1, db.createArrayOf("text", records.stream().map(Applied::eventId).toArray()));
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
        }
        return applied;
    }

    static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    static String text(Header header) {
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** As the embedded PostgreSQL's superuser, for inspection only (the services log in as their own roles). */
    static Connection asSuperuser(String jdbcUrl) throws java.sql.SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres",
                System.getenv().getOrDefault("PLANWATCH_PG_SUPERUSER_PASSWORD", ""));
    }
}
