package cn.gov.planwatch.indicator;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ScramKafkaBroker;
import cn.gov.planwatch.testsupport.ScramKafkaConfiguration;
import cn.gov.planwatch.testsupport.ScramKafkaIntegrationTest;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * indicator-service as docker-compose.yml runs it: profile kafka-scram, its own Kafka user and password, on a broker
 * secured with SASL/SCRAM-SHA-512 and the ACLs of docker/kafka-acls.txt. Every Kafka client of the service — the
 * event log, the projectors, the health probe, the rebuild's replay — connects as that user and gets what the file
 * grants it, and no more.
 */
@ScramKafkaIntegrationTest
class KafkaAsItsOwnUserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void kafkaUser(DynamicPropertyRegistry registry) {
        ScramKafkaConfiguration.logInAs(registry, "indicator-service");
    }

    @LocalServerPort
    int port;

    @Autowired
    ScramKafkaBroker broker;

    @Autowired
    ProducerFactory<?, ?> producerFactory;

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    @Test
    void aReportIsAcceptedLoggedAndProjectedAsTheServicesOwnUser() {
        HttpCalls reporter = http().withToken(TestTokens.shared().reporter("CNIPA"));
        long before = TopicOffsets.endOffsetSum(broker.adminConfig(), Topics.INDICATOR_EVENTS);

        HttpResponse<String> accepted = reporter.postJson("/api/v1/indicators/IND-01/observations",
                "{\"period\":\"2022\",\"value\":7.25}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(TopicOffsets.endOffsetSum(broker.adminConfig(), Topics.INDICATOR_EVENTS)).isEqualTo(before + 1);
        TopicOffsets.awaitConsumed(broker.adminConfig(), Topics.INDICATOR_EVENTS, groupId, Duration.ofSeconds(60));
        assertThat(reporter.get("/api/v1/indicators/IND-01/observations").body()).contains("7.25");
    }

    @Test
    void theReadinessProbeReachesTheBrokerAsTheServicesOwnUser() {
        HttpResponse<String> readiness = http().get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).at("/components/kafka/status").asString()).isEqualTo("UP");
    }

    @Test
    void theRebuildReplaysTheLogAsTheServicesOwnUser() {
        HttpCalls operator = http().withToken(TestTokens.shared().operator());
        assertThat(http().withToken(TestTokens.shared().reporter("CNIPA")).postJson(
                "/api/v1/indicators/IND-01/observations", "{\"period\":\"2021\",\"value\":6.5}").statusCode())
                .isEqualTo(202);

        assertThat(operator.post("/api/v1/ops/projections/observations/rebuild", "application/json", "")
                .statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(rebuildState(operator)));
        assertThat(rebuildState(operator)).isEqualTo("SWAPPED");
    }

    @Test
    void theServicesOwnProducerSettingsAreRefusedOnAnotherServicesTopic() {
        Map<String, Object> config = new HashMap<>(producerFactory.getConfigurationProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            assertThat(catchThrowable(() -> producer.send(new ProducerRecord<>(Topics.INDICATOR_EVENTS, "IND-01",
                    "{}")).get(30, TimeUnit.SECONDS))).as("its own topic").isNull();
            Throwable refused = catchThrowable(() -> producer.send(new ProducerRecord<>(Topics.PROGRAMME_EVENTS,
                    "ip-protection", "{}")).get(30, TimeUnit.SECONDS));
            assertThat(Stream.iterate(refused, t -> t != null, Throwable::getCause))
                    .as("writing %s: %s", Topics.PROGRAMME_EVENTS, refused)
                    .anyMatch(TopicAuthorizationException.class::isInstance);
        }
    }

    private String rebuildState(HttpCalls operator) {
        return JSON.readTree(operator.get("/api/v1/ops/projections/observations").body()).get("state").asString();
    }

    private HttpCalls http() {
        return new HttpCalls("http://localhost:" + port);
    }
}
