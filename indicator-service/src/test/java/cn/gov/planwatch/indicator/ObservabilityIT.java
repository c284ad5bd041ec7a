package cn.gov.planwatch.indicator;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.PlanwatchIntegrationTest;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A write is counted, traced from the request through the Kafka record into the read model, and the service is ready. */
@PlanwatchIntegrationTest
class ObservabilityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAcceptedWriteIsCountedAndCarriesTheCallersTraceIntoTheEventAndItsRecord() {
        String traceId = hex(16);
        HttpCalls reporter = http().withToken(TestTokens.shared().reporter("CNIPA"))
                .withHeader("traceparent", "00-" + traceId + "-" + hex(8) + "-01");

        HttpResponse<String> accepted = reporter.postJson("/api/v1/indicators/IND-02/observations",
                "{\"period\":\"2022\",\"value\":6.4}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        UUID eventId = UUID.fromString(JSON.readTree(accepted.body()).get("eventId").asString());

        String metrics = http().withToken(TestTokens.shared().operator()).get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("planwatch_events_accepted_total\\{[^}]*type=\""
                + "cn\\.gov\\.planwatch\\.indicator\\.ObservationReported\\.v2\"[^}]*} [1-9]");

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc
                .sql("select count(*) from indicator.observation where event_id = ?").params(eventId)
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("select trace_id from indicator.observation where event_id = ?").params(eventId)
                .query(String.class).single()).as("the event's traceId continues the caller's trace")
                .isEqualTo(traceId);
        assertThat(traceparentOfRecord(eventId)).as("the record's traceparent header").contains(traceId);
    }

    @Test
    void readinessCoversTheBrokerAndTheDatabase() {
        HttpResponse<String> readiness = http().get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        JsonNode ready = JSON.readTree(readiness.body());
        assertThat(ready.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(ready.get("components").get("db").get("status").asString()).isEqualTo("UP");
    }

    private HttpCalls http() {
        return new HttpCalls("http://localhost:" + port);
    }

    private static String traceparentOfRecord(UUID eventId) {
        String topic = Topics.INDICATOR_EVENTS;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, consumer.partitionsFor(topic).size())
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (eventId.toString().equals(text(record.headers().lastHeader("ce_id")))) {
                        return text(record.headers().lastHeader("traceparent"));
                    }
                }
            }
        }
        throw new AssertionError("event " + eventId + " not found in " + topic);
    }

    private static String text(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
