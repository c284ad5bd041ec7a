package cn.gov.planwatch.programme.identity;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.cloudevents.CloudEventDeserializer;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;
import cn.gov.planwatch.programme.SettableClock;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static cn.gov.planwatch.programme.ApiAnswers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person who logged in acts as themselves: the events they record, and the read models built from them, name
 * the person beside the client that relayed their token. Uses SPC's 2021-Q2 on trade-secrets.
 */
@Import(SettableClock.Configuration.class)
class CallerIdentityIT extends ServiceFixture {

    private static final TestTokens TOKENS = TestTokens.shared();

    @Test
    void whatAPersonRecordsNamesThemBesideTheClientInTheEventTheReadModelAndTheHistory() {
        HttpCalls person = http()
                .withToken(TOKENS.person("zhao.min", "SPC", "reporter"));

        JsonNode reported = json(person.postJson("/api/v1/programmes/trade-secrets/progress",
                "{\"quarter\":\"2021-Q2\",\"status\":\"ON_TRACK\",\"percentComplete\":15}"), 202);
        JsonNode submitted = json(person.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2021-Q2\"}"), 202);

        ProgressReported report = (ProgressReported) recorded(Topics.PROGRAMME_EVENTS, reported);
        assertThat(report.actor()).isEqualTo("zhao.min");
        assertThat(report.clientId()).isEqualTo(TestTokens.DASHBOARD_CLIENT);
        assertThat(report.agency()).isEqualTo("SPC");
        QuarterlyUpdateSubmitted submission = (QuarterlyUpdateSubmitted) recorded(Topics.QUARTERLY_UPDATE_EVENTS,
                submitted);
        assertThat(submission.actor()).isEqualTo("zhao.min");
        assertThat(submission.clientId()).isEqualTo(TestTokens.DASHBOARD_CLIENT);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select client_id, actor from programme.progress_report where event_id = ?")
                .params(report.eventId()).query().singleRow())
                .isEqualTo(Map.of("client_id", TestTokens.DASHBOARD_CLIENT, "actor", "zhao.min")));

        // The agency's history shows who took each step, beside the client.
        HttpCalls spc = http().withToken(TOKENS.reporter("SPC"));
        JsonNode step = StreamSupport.stream(json(spc.get("/api/v1/quarterly-updates/SPC"), 200).get("history")
                .spliterator(), false).filter(s -> s.get("eventId").asString()
                .equals(submission.eventId().toString())).findFirst().orElseThrow();
        assertThat(step.get("actor").asString()).isEqualTo("zhao.min");
        assertThat(step.get("clientId").asString()).isEqualTo(TestTokens.DASHBOARD_CLIENT);
    }

    @Test
    void aClientActingForItselfIsItsOwnActor() {
        HttpCalls client = http().withToken(TOKENS.reporter("SPC"));

        JsonNode reported = json(client.postJson("/api/v1/programmes/trade-secrets/progress",
                "{\"quarter\":\"2021-Q2\",\"status\":\"AT_RISK\",\"percentComplete\":20}"), 202);

        ProgressReported report = (ProgressReported) recorded(Topics.PROGRAMME_EVENTS, reported);
        assertThat(report.clientId()).isEqualTo("spc-reporter");
        assertThat(report.actor()).isEqualTo("spc-reporter");
    }

    /** The event as the log holds it, read with the consumers' deserializer. */
    private static PlanEvent recorded(String topic, JsonNode answer) {
        String eventId = answer.get("eventId").asString();
        ConsumerRecord<byte[], byte[]> record = TopicRecords.withEventId(
                RealInfrastructure.shared().kafkaBootstrapServers(), topic, eventId, Duration.ofSeconds(20));
        PlanEvent event = new CloudEventDeserializer().deserialize(topic, record.headers(), record.value());
        assertThat(event.eventId()).isEqualTo(UUID.fromString(eventId));
        return event;
    }
}
