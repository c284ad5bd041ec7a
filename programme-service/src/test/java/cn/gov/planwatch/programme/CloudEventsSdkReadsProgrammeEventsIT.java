package cn.gov.planwatch.programme;

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
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cn.gov.planwatch.programme.ApiAnswers.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer that knows nothing of PlanWatch reads the programme and quarterly-update topics with the CloudEvents
 * SDK's own Kafka deserializer: every attribute is where the CloudEvents 1.0 Kafka binding (binary mode) puts it,
 * and the data is what was sent, Chinese text included. Uses CAS's 2022-Q2 on patent-navigation.
 */
@Import(SettableClock.Configuration.class)
class CloudEventsSdkReadsProgrammeEventsIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestTokens TOKENS = TestTokens.shared();
    private static final String SOURCE = "/planwatch/programme-service";
    private static final String TYPES = "cn.gov.planwatch.programme.";

    @Test
    void aProgressReportAndEachStepOfItsQuarterAreCloudEventsTheSdkReads() {
        HttpCalls cas = http().withToken(TOKENS.reporter("CAS"));
        HttpCalls lead = http().withToken(TOKENS.lead());
        String review = "/api/v1/quarterly-updates/CAS/2022-Q2";
        Instant before = Instant.now();

        String reported = eventId(json(cas.postJson("/api/v1/programmes/patent-navigation/progress",
                "{\"quarter\":\"2022-Q2\",\"status\":\"AT_RISK\",\"percentComplete\":45,"
                        + "\"summary\":\"专利导航服务基地建设推进中\",\"risks\":\"数据共享机制尚未建立\","
                        + "\"measures\":[{\"code\":\"application\",\"status\":\"ON_TRACK\",\"note\":\"年末数据\"}]}"),
                202));
        String submitted = eventId(json(cas.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2022-Q2\"}"), 202));
        String returned = eventId(json(lead.postJson(review + "/return",
                "{\"reason\":\"请补充风险说明\",\"items\":[\"patent-navigation\"]}"), 202));
        String resubmitted = eventId(json(cas.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2022-Q2\"}"),
                202));
        String accepted = eventId(json(lead.postJson(review + "/accept", "{}"), 202));
        Instant after = Instant.now();

        JsonNode progress = readBySdk(Topics.PROGRAMME_EVENTS, reported, "patent-navigation",
                TYPES + "ProgressReported.v2", "patent-navigation/2022-Q2/CAS", before, after);
        assertThat(progress.get("plan").asString()).as("the unscoped path's plan").isEqualTo("ip-2021-2025");
        assertThat(progress.get("programme").asString()).isEqualTo("patent-navigation");
        assertThat(progress.get("quarter").asString()).isEqualTo("2022-Q2");
        assertThat(progress.get("agency").asString()).isEqualTo("CAS");
        assertThat(progress.get("status").asString()).isEqualTo("AT_RISK");
        assertThat(progress.get("percentComplete").asInt()).isEqualTo(45);
        assertThat(progress.get("summary").asString()).isEqualTo("专利导航服务基地建设推进中");
        assertThat(progress.get("risks").asString()).isEqualTo("数据共享机制尚未建立");
        assertThat(progress.get("measures").get(0).get("code").asString()).isEqualTo("application");
        assertThat(progress.get("measures").get(0).get("note").asString()).isEqualTo("年末数据");
        assertThat(progress.get("actor").asString()).isEqualTo("cas-reporter");

        for (String submission : List.of(submitted, resubmitted)) {
            JsonNode data = readBySdk(Topics.QUARTERLY_UPDATE_EVENTS, submission, "CAS",
                    TYPES + "QuarterlyUpdateSubmitted.v2", "CAS/2022-Q2", before, after);
            assertThat(data.get("plan").asString()).isEqualTo("ip-2021-2025");
            assertThat(data.get("agency").asString()).isEqualTo("CAS");
            assertThat(data.get("quarter").asString()).isEqualTo("2022-Q2");
            assertThat(data.get("clientId").asString()).isEqualTo("cas-reporter");
        }
        JsonNode returnedData = readBySdk(Topics.QUARTERLY_UPDATE_EVENTS, returned, "CAS",
                TYPES + "QuarterlyUpdateReturned.v2", "CAS/2022-Q2", before, after);
        assertThat(returnedData.get("reason").asString()).isEqualTo("请补充风险说明");
        assertThat(returnedData.get("items").get(0).asString()).isEqualTo("patent-navigation");
        assertThat(returnedData.get("reviewer").asString()).isEqualTo("CNIPA");
        JsonNode acceptedData = readBySdk(Topics.QUARTERLY_UPDATE_EVENTS, accepted, "CAS",
                TYPES + "QuarterlyUpdateAccepted.v2", "CAS/2022-Q2", before, after);
        assertThat(acceptedData.get("reviewer").asString()).isEqualTo("CNIPA");
        assertThat(acceptedData.get("plan").asString()).isEqualTo("ip-2021-2025");
        assertThat(acceptedData.get("clientId").asString()).isEqualTo("cnipa-lead");
    }

    private static String eventId(JsonNode answer) {
        return answer.get("eventId").asString();
    }

    /**
     * The event read from {@code topic} by the SDK, its attributes checked against the binding; answers its data as
     * JSON, which carries the same event id and time.
     */
    private static JsonNode readBySdk(String topic, String eventId, String partitionKey, String type, String subject,
            Instant notBefore, Instant notAfter) {
        ConsumerRecord<byte[], CloudEvent> record = TopicRecords.withEventId(
                RealInfrastructure.shared().kafkaBootstrapServers(), topic, eventId, new CloudEventDeserializer(),
                Duration.ofSeconds(20));
        CloudEvent event = record.value();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).as("partition key").isEqualTo(partitionKey);
        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getId()).isEqualTo(eventId);
        assertThat(event.getType()).isEqualTo(type);
        assertThat(event.getSource()).isEqualTo(URI.create(SOURCE));
        assertThat(event.getSubject()).isEqualTo(subject);
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getTime()).isNotNull();
        assertThat(event.getTime().toInstant()).isBetween(notBefore, notAfter);
        assertThat(event.getData()).as("data of %s", type).isNotNull();
        JsonNode data = JSON.readTree(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
        assertThat(data.get("eventId").asString()).isEqualTo(eventId);
        assertThat(Instant.parse(data.get("recordedAt").asString())).isEqualTo(event.getTime().toInstant());
        return data;
    }
}
