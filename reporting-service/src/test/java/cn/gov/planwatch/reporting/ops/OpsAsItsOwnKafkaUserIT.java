package cn.gov.planwatch.reporting.ops;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ScramKafkaBroker;
import cn.gov.planwatch.testsupport.ScramKafkaConfiguration;
import cn.gov.planwatch.testsupport.ScramKafkaIntegrationTest;
import cn.gov.planwatch.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * reporting-service's operations as docker-compose.yml runs them: profile kafka-scram, its own Kafka user, on a
 * broker secured with SASL/SCRAM-SHA-512 and the ACLs of docker/kafka-acls.txt. Its projector dead-letters what it
 * cannot read, its recorder reads the dead-letter topic, a replay writes to the original topic, and the streams view
 * reads the lag of indicator-service's group, each with the grants the file gives reporting-service.
 */
@ScramKafkaIntegrationTest
class OpsAsItsOwnKafkaUserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INDICATOR_GROUP = "indicator-service.observations";

    @DynamicPropertySource
    static void kafkaUser(DynamicPropertyRegistry registry) {
        ScramKafkaConfiguration.logInAs(registry, "reporting-service");
    }

    @LocalServerPort
    int port;

    @Autowired
    ScramKafkaBroker broker;

    @Test
    void anUnreadableEventIsDeadLetteredListedAndReplayedAsReportingServicesOwnUser() throws Exception {
        HttpCalls operator = new HttpCalls("http://localhost:" + port).withToken(TestTokens.shared().operator());
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> indicatorService = new KafkaProducer<>(asIndicatorService(),
                new StringSerializer(), new ByteArraySerializer())) {
            indicatorService.send(new ProducerRecord<>(Topics.INDICATOR_EVENTS, null, "IND-05",
                    "{\"eventId\": oops".getBytes(StandardCharsets.UTF_8), List.of(
                            header("ce_specversion", "1.0"), header("ce_id", eventId),
                            header("ce_type", "cn.gov.planwatch.indicator.ObservationReported.v2"),
                            header("ce_time", Instant.now().toString())))).get(30, TimeUnit.SECONDS);
        }

        JsonNode line = await().atMost(Duration.ofSeconds(60)).until(
                () -> find(JSON.readTree(operator.get("/api/v1/ops/dead-letters?limit=200").body()), eventId),
                found -> found != null);
        assertThat(line.get("originalTopic").asString()).isEqualTo(Topics.INDICATOR_EVENTS);

        HttpResponse<String> replayed = operator.post("/api/v1/ops/dead-letters/" + line.get("id").asString()
                + "/replay", "application/json", "");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        assertThat(JSON.readTree(replayed.body()).get("topic").asString()).isEqualTo(Topics.INDICATOR_EVENTS);
    }

    @Test
    void theStreamsViewReadsTheLagOfAnotherServicesGroupAsReportingServicesOwnUser() throws Exception {
        try (KafkaProducer<String, byte[]> indicatorService = new KafkaProducer<>(asIndicatorService(),
                new StringSerializer(), new ByteArraySerializer())) {
            indicatorService.send(new ProducerRecord<>(Topics.INDICATOR_EVENTS, "IND-01", new byte[] {1}))
                    .get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> consumer = asIndicatorService();
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, INDICATOR_GROUP);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> indicatorService = new KafkaConsumer<>(consumer,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            indicatorService.subscribe(List.of(Topics.INDICATOR_EVENTS));
            await().atMost(Duration.ofSeconds(60)).until(() -> !indicatorService.poll(Duration.ofMillis(200)).isEmpty());
            indicatorService.commitSync();
        }
        HttpCalls operator = new HttpCalls("http://localhost:" + port).withToken(TestTokens.shared().operator());

        JsonNode streams = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(
                () -> JSON.readTree(operator.get("/api/v1/ops/streams").body()),
                view -> group(view, INDICATOR_GROUP) != null);

        assertThat(group(streams, INDICATOR_GROUP).get("partitions").findValuesAsString("topic"))
                .contains(Topics.INDICATOR_EVENTS);
        assertThat(streams.get("topics").findValuesAsString("name"))
                .containsAll(Topics.withDeadLetterTopics());
    }

    private Map<String, Object> asIndicatorService() {
        return new HashMap<>(broker.clientConfig("indicator-service", ScramKafkaConfiguration.password("indicator-service")));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode find(JsonNode page, String eventId) {
        for (JsonNode item : page.path("items")) { // none in a problem answer
            if (eventId.equals(item.path("eventId").asString(null))) {
                return item;
            }
        }
        return null;
    }

    private static JsonNode group(JsonNode streams, String groupId) {
        for (JsonNode group : streams.path("consumerGroups")) { // none in a problem answer
            if (groupId.equals(group.path("groupId").asString(null))) {
                return group;
            }
        }
        return null;
    }
}
