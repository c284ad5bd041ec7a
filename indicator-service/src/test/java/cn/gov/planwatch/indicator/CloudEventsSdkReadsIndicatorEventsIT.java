package cn.gov.planwatch.indicator;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicRecords;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer that knows nothing of PlanWatch reads the indicator topic with the CloudEvents SDK's own Kafka
 * deserializer: every attribute is where the CloudEvents 1.0 Kafka binding (binary mode) puts it, and the data is
 * the report as sent, Chinese text and exact decimal included. Uses CNIPA's 2024 value of IND-07.
 */
class CloudEventsSdkReadsIndicatorEventsIT extends ServiceFixture {

    /** Decimals stay decimals, so that "exact" means digit for digit. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final TestTokens TOKENS = TestTokens.shared();

    @Test
    void aReportedObservationIsACloudEventTheSdkReadsWithItsDataIntact() {
        HttpCalls cnipa = http().withToken(TOKENS.reporter("CNIPA"));
        Instant before = Instant.now();
        HttpResponse<String> answer = cnipa.postJson("/api/v1/indicators/IND-07/observations",
                "{\"period\":\"2024\",\"value\":78.65,\"unit\":\"score\",\"comment\":\"年末数据\","
                        + "\"source\":\"知识产权保护社会满意度调查\"}");
        Instant after = Instant.now();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        String eventId = JSON.readTree(answer.body()).get("eventId").asString();

        ConsumerRecord<byte[], CloudEvent> record = TopicRecords.withEventId(
                RealInfrastructure.shared().kafkaBootstrapServers(), Topics.INDICATOR_EVENTS, eventId,
                new CloudEventDeserializer(), Duration.ofSeconds(20));
        CloudEvent event = record.value();

        assertThat(new String(record.key(), StandardCharsets.UTF_8)).as("partition key").isEqualTo("IND-07");
        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getId()).isEqualTo(eventId);
        assertThat(event.getType()).isEqualTo("cn.gov.planwatch.indicator.ObservationReported.v3");
        assertThat(event.getSource()).isEqualTo(URI.create("/planwatch/indicator-service"));
        assertThat(event.getSubject()).isEqualTo("IND-07/2024");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getTime()).isNotNull();
        assertThat(event.getTime().toInstant()).isBetween(before, after);
        assertThat(event.getData()).as("data").isNotNull();

        String text = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(text).as("the value as written, not rounded through a double").contains("\"value\":78.65");
        JsonNode data = JSON.readTree(text);
        assertThat(data.get("eventId").asString()).isEqualTo(eventId);
        assertThat(data.get("plan").asString()).as("the unscoped path's default plan").isEqualTo("ip-2021-2025");
        assertThat(data.get("indicator").asString()).isEqualTo("IND-07");
        assertThat(data.get("period").asString()).isEqualTo("2024");
        assertThat(data.get("value").decimalValue()).isEqualTo(new BigDecimal("78.65"));
        assertThat(data.get("unit").asString()).isEqualTo("score");
        assertThat(data.get("unitConfirmed").asBoolean()).isTrue();
        assertThat(data.get("comment").asString()).isEqualTo("年末数据");
        assertThat(data.get("source").asString()).isEqualTo("知识产权保护社会满意度调查");
        assertThat(data.get("agency").asString()).isEqualTo("CNIPA");
        assertThat(data.get("clientId").asString()).isEqualTo("cnipa-reporter");
        assertThat(data.get("actor").asString()).isEqualTo("cnipa-reporter");
        assertThat(Instant.parse(data.get("recordedAt").asString())).as("recordedAt is the event's time")
                .isEqualTo(event.getTime().toInstant());
    }
}
