package cn.gov.planwatch.indicator;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicRecords;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A write is counted, traced from the request through the Kafka record into the read model, and the service is ready. */
class ObservabilityIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
                + "cn\\.gov\\.planwatch\\.indicator\\.ObservationReported\\.v3\"[^}]*} [1-9]");
        assertThat(metrics).as("authorizations are timed, not each filter of the security chain")
                .contains("spring_security_authorizations_seconds_count")
                .doesNotContain("spring_security_filterchains");

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

    private static String traceparentOfRecord(UUID eventId) {
        return TopicRecords.header(TopicRecords.withEventId(RealInfrastructure.shared().kafkaBootstrapServers(),
                Topics.INDICATOR_EVENTS, eventId.toString(), Duration.ofSeconds(20)), "traceparent");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
