package cn.gov.planwatch.indicator.identity;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.cloudevents.CloudEventDeserializer;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People report indicator values as themselves, and their Idempotency-Keys are their own. Uses IND-08's 2022.
 */
class PersonReportIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestTokens TOKENS = TestTokens.shared();
    private static final String OBSERVATIONS = "/api/v1/indicators/IND-08/observations";

    @Test
    void twoPeopleSendingTheSameKeyAndValueEachRecordTheirOwnReportUnderTheirOwnName() {
        String key = "spc-ind08-2022-" + UUID.randomUUID();
        String body = "{\"period\":\"2022\",\"value\":80.1}";
        HttpCalls first = keyed(TOKENS.person("zhou.jie", "SPC", "reporter"), key);
        HttpCalls colleague = keyed(TOKENS.person("wu.lan", "SPC", "reporter"), key);

        String firstId = eventId(first.postJson(OBSERVATIONS, body));
        String colleagueId = eventId(colleague.postJson(OBSERVATIONS, body));
        HttpResponse<String> replay = first.postJson(OBSERVATIONS, body);

        assertThat(colleagueId).as("not the first person's stored answer").isNotEqualTo(firstId);
        assertThat(eventId(replay)).isEqualTo(firstId);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(recorded(firstId).actor()).isEqualTo("zhou.jie");
        assertThat(recorded(colleagueId).actor()).isEqualTo("wu.lan");
        assertThat(recorded(colleagueId).clientId()).isEqualTo(TestTokens.DASHBOARD_CLIENT);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select client_id, actor from indicator.observation where event_id = cast(? as uuid)")
                .params(firstId).query().singleRow())
                .isEqualTo(Map.of("client_id", TestTokens.DASHBOARD_CLIENT, "actor", "zhou.jie")));
    }

    private HttpCalls keyed(String token, String key) {
        return http().withToken(token).withHeader("Idempotency-Key", key);
    }

    private static String eventId(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).get("eventId").asString();
    }

    private static ObservationReported recorded(String eventId) {
        ConsumerRecord<byte[], byte[]> record = TopicRecords.withEventId(
                RealInfrastructure.shared().kafkaBootstrapServers(), Topics.INDICATOR_EVENTS, eventId,
                Duration.ofSeconds(20));
        return (ObservationReported) new CloudEventDeserializer().deserialize(Topics.INDICATOR_EVENTS,
                record.headers(), record.value());
    }
}
