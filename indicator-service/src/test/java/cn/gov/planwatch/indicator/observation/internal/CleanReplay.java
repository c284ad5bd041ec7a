package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.cloudevents.CloudEventDeserializer;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** What the observations read model must be: the indicator topic replayed from offset 0 into a fresh schema. */
final class CleanReplay {

    static final String COLUMNS = "o.event_id, o.plan, o.indicator, o.period, value, comment, source, agency, "
            + "client_id, trace_id, recorded_at, unit, unit_confirmed, o.revision, c.event_id is not null as current";
    /** Order within a key is the log's (revision); across partitions the log has no order to keep. */
    static final String ORDER = "order by o.plan, o.indicator, o.period, o.revision";

    /** Each report with whether its period's pointer is at it. */
    static List<Map<String, Object>> rows(JdbcClient jdbc, String schema) {
        return jdbc.sql("select " + COLUMNS + " from " + schema + ".observation o left join " + schema
                + ".current_observation c on c.plan = o.plan and c.indicator = o.indicator and c.period = o.period"
                + " and c.event_id = o.event_id " + ORDER).query().listOfRows();
    }

    /** Replays the whole topic into a new schema and answers its name. */
    static String intoFreshSchema(String bootstrap, DataSource dataSource, JdbcClient jdbc,
            TransactionTemplate transactions) {
        String schema = "indicator_replay_" + UUID.randomUUID().toString().substring(0, 8);
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").load().migrate();
        JdbcObservationStore store = new JdbcObservationStore(jdbc, ProjectionTables.live(schema));
        replay(bootstrap, event -> transactions.executeWithoutResult(
                status -> store.apply((ObservationReported) event)));
        return schema;
    }

    static int replay(String bootstrap, Consumer<PlanEvent> apply) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        int applied = 0;
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new CloudEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDICATOR_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, PlanEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    apply.accept(record.value());
                    applied++;
                }
            }
        }
        return applied;
    }

    static long distinctEvents(String bootstrap) {
        Set<UUID> ids = new HashSet<>();
        replay(bootstrap, event -> ids.add(event.eventId()));
        return ids.size();
    }

    private CleanReplay() {
    }
}
