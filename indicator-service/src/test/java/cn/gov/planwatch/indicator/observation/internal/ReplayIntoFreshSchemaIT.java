package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.cloudevents.CloudEventDeserializer;
import cn.gov.planwatch.contracts.cloudevents.CloudEventHeaders;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The log is the truth: replaying the indicator topic from offset 0 into an empty schema gives the
 * live read model back, row for row — v1 events still in the log included.
 */
class ReplayIntoFreshSchemaIT extends ServiceFixture {

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void replayingTheTopicFromOffsetZeroGivesTheLiveReadModelRowForRow() throws Exception {
        String bootstrap = RealInfrastructure.shared().kafkaBootstrapServers();
        publishAVersion1Event(bootstrap);
        HttpCalls cnipa = http().withToken(TestTokens.shared().reporter("CNIPA"));
        HttpCalls spc = http().withToken(TestTokens.shared().reporter("SPC"));
        for (String report : List.of("{\"period\":\"2021\",\"value\":7.5}", "{\"period\":\"2022\",\"value\":8.6}",
                "{\"period\":\"2022\",\"value\":8.7,\"comment\":\"修订\"}")) {
            assertThat(cnipa.postJson("/api/v1/indicators/IND-02/observations", report).statusCode()).isEqualTo(202);
        }
        assertThat(spc.postJson("/api/v1/indicators/IND-08/observations", "{\"period\":\"2021\",\"value\":79.3}")
                .statusCode()).isEqualTo(202);
        long inLog = TopicOffsets.endOffsetSum(bootstrap, Topics.INDICATOR_EVENTS);
        await().atMost(Duration.ofSeconds(20)).until(() -> liveRows().size() == CleanReplay.distinctEvents(bootstrap));

        String schema = CleanReplay.intoFreshSchema(bootstrap, dataSource, jdbc, transactions);
        int applied = CleanReplay.replay(bootstrap, event -> { });
        assertThat(applied).as("records replayed").isEqualTo(inLog);
        List<Map<String, Object>> live = liveRows();
        List<Map<String, Object>> rebuilt = CleanReplay.rows(jdbc, schema);
        assertThat(rebuilt).hasSize(live.size()).containsExactlyElementsOf(live);
        assertThat(rebuilt).anySatisfy(row -> assertThat(row.get("comment")).isEqualTo("v1 事件"));
    }

    private List<Map<String, Object>> liveRows() {
        return CleanReplay.rows(jdbc, "indicator");
    }

    /** An event as the first version of the writer produced it, before v2 added the unit. */
    private static void publishAVersion1Event(String bootstrap) throws Exception {
        String id = UUID.randomUUID().toString();
        String body = "{\"eventId\":\"" + id + "\",\"indicator\":\"IND-07\",\"period\":\"2021\",\"value\":80.6,"
                + "\"comment\":\"v1 事件\",\"source\":null,\"agency\":\"CNIPA\",\"clientId\":\"cnipa-reporter\","
                + "\"traceId\":null,\"recordedAt\":\"2022-01-20T02:00:00Z\"}";
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(Topics.INDICATOR_EVENTS, "IND-07", body.getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.SPEC_VERSION, bytes("1.0")).add(CloudEventHeaders.ID, bytes(id))
                    .add(CloudEventHeaders.TYPE, bytes("cn.gov.planwatch.indicator.ObservationReported.v1"))
                    .add(CloudEventHeaders.SOURCE, bytes("/planwatch/indicator-service"))
                    .add(CloudEventHeaders.TIME, bytes("2022-01-20T02:00:00Z"))
                    .add(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
            producer.send(record).get();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
