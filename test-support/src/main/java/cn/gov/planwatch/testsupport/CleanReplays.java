package cn.gov.planwatch.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a rebuilt read model must equal: its topics replayed from offset 0, record by record, into copies of its tables
 * ({@code <table>_clean}), by the projection's own fold. A record the fold cannot apply is left out, as the live
 * projector dead-letters it.
 */
public final class CleanReplays {

    public static final String SUFFIX = "_clean";

    /** A projection's fold of one record into its tables, named with the given suffix. */
    @FunctionalInterface
    public interface Fold {
        void apply(ConsumerRecord<byte[], byte[]> record, String tableSuffix);
    }

    /**
     * Asserts that each live table holds the rows a clean replay gives, the {@code ignored} columns (a sequence, the
     * instant a row was written) aside. The live tables must have caught up with the log.
     */
    public static void assertLiveEqualsCleanReplay(JdbcClient jdbc, TransactionTemplate transactions, String schema,
            List<String> tables, List<String> topics, Fold fold, Set<String> ignored) {
        for (String table : tables) {
            jdbc.sql("drop table if exists " + schema + "." + table + SUFFIX).update();
            jdbc.sql("create table " + schema + "." + table + SUFFIX + " (like " + schema + "." + table
                    + " including all)").update();
        }
        try {
            replay(topics, record -> {
                try {
                    transactions.executeWithoutResult(tx -> fold.apply(record, SUFFIX));
                } catch (RuntimeException deadLettered) {
                    // the live projector could not apply it either
                }
            });
            for (String table : tables) {
                assertThat(rows(jdbc, schema, table, "", ignored)).as(schema + "." + table)
                        .containsExactlyElementsOf(rows(jdbc, schema, table, SUFFIX, ignored));
            }
        } finally {
            for (String table : tables) {
                jdbc.sql("drop table if exists " + schema + "." + table + SUFFIX).update();
            }
        }
    }

    /** Every record of the topics, from offset 0 to their end now, each partition in its order. */
    public static void replay(List<String> topics, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream().flatMap(topic -> IntStream
                    .range(0, consumer.partitionsFor(topic).size()).mapToObj(p -> new TopicPartition(topic, p)))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }

    /** A table's rows without the ignored columns, as text, sorted by all the others. */
    public static List<Map<String, Object>> rows(JdbcClient jdbc, String schema, String table, String suffix,
            Set<String> ignored) {
        List<String> columns = jdbc.sql("select column_name from information_schema.columns"
                        + " where table_schema = ? and table_name = ? order by ordinal_position")
                .params(schema, table).query(String.class).list().stream()
                .filter(column -> !ignored.contains(column)).toList();
        // As text, so that arrays, bytes and JSON compare by what they hold.
        String listed = columns.stream().map(c -> '"' + c + "\"::text as \"" + c + '"')
                .collect(Collectors.joining(", "));
        String order = IntStream.rangeClosed(1, columns.size()).mapToObj(String::valueOf)
                .collect(Collectors.joining(", "));
        return jdbc.sql("select " + listed + " from " + schema + "." + table + suffix + " order by " + order)
                .query().listOfRows();
    }

    private CleanReplays() {
    }
}
