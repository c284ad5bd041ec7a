package cn.gov.planwatch.indicator;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A report goes through the HTTP API into the real event log and back out of the read model. */
class ObservationFlowIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    private static final TestTokens TOKENS = TestTokens.shared();

    HttpCalls anonymous;
    HttpCalls http;

    @BeforeEach
    void connect() {
        anonymous = http();
        http = anonymous.withToken(TOKENS.reporter("CNIPA"));
    }

    @Test
    void anAcceptedReportReachesTheReadModelAndItsRevisionSupersedesIt() {
        HttpResponse<String> first = http.postJson("/api/v1/indicators/IND-01/observations",
                "{\"period\":\"2023\",\"value\":11.8,\"comment\":\"年末数据\",\"source\":\"statistical bulletin\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(first.body());
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("indicator").asString()).isEqualTo("IND-01");
        assertThat(accepted.get("period").asString()).isEqualTo("2023");
        String firstId = accepted.get("eventId").asString();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode detail = JSON.readTree(http.get("/api/v1/indicators/IND-01").body());
            assertThat(detail.get("latest").get("value").decimalValue()).isEqualByComparingTo("11.8");
            assertThat(detail.get("latest").get("comment").asString()).isEqualTo("年末数据");
        });

        HttpResponse<String> revision = http.postJson("/api/v1/indicators/IND-01/observations",
                "{\"period\":\"2023\",\"value\":11.9,\"comment\":\"revised\"}");
        assertThat(revision.statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode history = periodOnly(JSON.readTree(http.get("/api/v1/indicators/IND-01/observations").body()),
                    "2023");
            assertThat(history.size()).isEqualTo(2);
            assertThat(history.get(0).get("eventId").asString()).isEqualTo(firstId);
            assertThat(history.get(0).get("current").asBoolean()).isFalse();
            assertThat(history.get(1).get("value").decimalValue()).isEqualByComparingTo("11.9");
            assertThat(history.get(1).get("current").asBoolean()).isTrue();
            assertThat(history.get(1).get("revision").asInt()).isEqualTo(2);
        });
        JsonNode detail = JSON.readTree(http.get("/api/v1/indicators/IND-01").body());
        assertThat(detail.get("latest").get("value").decimalValue()).isEqualByComparingTo("11.9");
        assertThat(periodOnly(detail.get("series"), "2023").size()).isEqualTo(1);
        assertThat(detail.get("progress").get("status").asString()).isEqualTo("SUBSTANTIAL_PROGRESS");
        assertThat(detail.get("baseline").get("value").decimalValue()).isEqualByComparingTo("6.2");
    }

    @Test
    void badInputGetsAProblemAnswerAndNothingReachesTheLog() {
        TopicOffsets.awaitConsumed(RealInfrastructure.shared().kafkaBootstrapServers(), Topics.INDICATOR_EVENTS,
                groupId, Duration.ofSeconds(30));
        long before = TopicOffsets.endOffsetSum(RealInfrastructure.shared().kafkaBootstrapServers(),
                Topics.INDICATOR_EVENTS);
        long rowsBefore = jdbc.sql("select count(*) from indicator.observation").query(Long.class).single();

        assertProblem(http.postJson("/api/v1/indicators/IND-01/observations", "{\"period\":\"2023\",\"value\":"),
                400, null);
        assertProblem(http.postJson("/api/v1/indicators/IND-99/observations", "{\"period\":\"2023\",\"value\":1}"),
                404, null);
        assertProblem(http.postJson("/api/v1/indicators/IND-01/observations",
                "{\"period\":\"2023\",\"value\":\"eleven\"}"), 400, "value");
        assertProblem(http.postJson("/api/v1/indicators/IND-01/observations", "{\"period\":\"23\",\"value\":1}"),
                400, "period");
        assertProblem(http.postJson("/api/v1/indicators/IND-01/observations", "{\"period\":\"2023\"}"), 400,
                "value");
        assertProblem(http.postJson("/api/v1/indicators/IND-01/observations",
                "{\"period\":\"2023\",\"value\":1,\"vaule\":2}"), 400, "vaule");
        assertProblem(http.postJson("/api/v1/indicators/IND-01/observations",
                "{\"period\":\"2023-Q2\",\"value\":1}"), 400, "period");
        assertProblem(http.postJson("/api/v1/indicators/IND-01/observations", "{\"period\":\"2019\",\"value\":1}"),
                422, "period");
        assertProblem(http.postJson("/api/v1/indicators/IND-05/observations",
                "{\"period\":\"2023\",\"value\":101}"), 422, "value");
        assertProblem(http.postJson("/api/v1/indicators/IND-01/observations", "{\"period\":\"2023\",\"value\":-1}"),
                422, "value");
        assertProblem(http.post("/api/v1/indicators/IND-01/observations", "text/plain", "2023=11.8"), 415, null);

        assertThat(TopicOffsets.endOffsetSum(RealInfrastructure.shared().kafkaBootstrapServers(),
                Topics.INDICATOR_EVENTS)).as("records in the indicator topic").isEqualTo(before);
        assertProblem(http.postJson("/api/v1/indicators/IND-03/observations",
                "{\"period\":\"2023\",\"value\":3000,\"unit\":\"万元\"}"), 422, "unit");
        assertThat(jdbc.sql("select count(*) from indicator.observation").query(Long.class).single())
                .isEqualTo(rowsBefore);
    }

    @Test
    void aReporterWhoReadsChineseIsToldInChineseWhatIsWrongAndEveryoneElseInTheEnglishAsBefore() {
        String path = "/api/v1/indicators/IND-05/observations";
        String tooHigh = "{\"period\":\"2023\",\"value\":101}";

        HttpResponse<String> chinese = http.withHeader("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .postJson(path, tooHigh);
        assertProblem(chinese, 422, "value");
        assertThat(chinese.headers().firstValue("Content-Language")).hasValue("zh-CN");
        JsonNode problem = JSON.readTree(chinese.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://planwatch.cn/problems/implausible-value");
        assertThat(problem.get("title").asString()).isEqualTo("数值不合理");
        assertThat(problem.get("detail").asString()).isEqualTo("value：数值不得大于 100 %");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("value");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("数值不得大于 100 %");

        HttpResponse<String> missing = http.withHeader("Accept-Language", "zh").postJson(path, "{\"period\":\"2023\"}");
        assertProblem(missing, 400, "value");
        JsonNode missingProblem = JSON.readTree(missing.body());
        assertThat(missingProblem.get("title").asString()).isEqualTo("请求无效");
        assertThat(missingProblem.get("errors").get(0).get("message").asString()).isEqualTo("不得为空");

        for (HttpCalls english : new HttpCalls[] {http, http.withHeader("Accept-Language", "en-US,zh-CN;q=0.5")}) {
            HttpResponse<String> answer = english.postJson(path, tooHigh);
            assertProblem(answer, 422, "value");
            assertThat(answer.headers().firstValue("Content-Language")).hasValue("en");
            JsonNode englishProblem = JSON.readTree(answer.body());
            assertThat(englishProblem.get("title").asString()).isEqualTo("Implausible value");
            assertThat(englishProblem.get("detail").asString()).isEqualTo("value: must be at most 100 %");
            assertThat(englishProblem.get("errors").get(0).get("message").asString()).isEqualTo("must be at most 100 %");
        }
    }

    @Test
    void onlyTheResponsibleAgencysReporterMayReportAndRefusalsRecordNothing() {
        long before = TopicOffsets.endOffsetSum(RealInfrastructure.shared().kafkaBootstrapServers(),
                Topics.INDICATOR_EVENTS);
        String path = "/api/v1/indicators/IND-01/observations";
        String body = "{\"period\":\"2023\",\"value\":11.8}";

        assertProblem(anonymous.postJson(path, body), 401, null);
        assertProblem(anonymous.withToken(TOKENS.expired("CNIPA", "reporter")).postJson(path, body), 401, null);
        assertProblem(anonymous.withToken(TOKENS.foreign("CNIPA", "reporter")).postJson(path, body), 401, null);
        assertProblem(anonymous.withToken("not.a.jwt").postJson(path, body), 401, null);
        assertProblem(anonymous.withToken(TOKENS.reporter("SAMR")).postJson(path, body), 403, null);
        assertProblem(anonymous.withToken(TOKENS.lead()).postJson(path, body), 403, null);
        assertProblem(anonymous.withToken(TOKENS.operator()).postJson(path, body), 403, null);
        assertThat(anonymous.postJson(path, body).headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));

        assertThat(TopicOffsets.endOffsetSum(RealInfrastructure.shared().kafkaBootstrapServers(),
                Topics.INDICATOR_EVENTS)).as("records in the indicator topic").isEqualTo(before);

        assertThat(anonymous.withToken(TOKENS.reporter("SPC")).postJson("/api/v1/indicators/IND-08/observations",
                "{\"period\":\"2022\",\"value\":80}").statusCode()).isEqualTo(202);
        for (String token : new String[] {TOKENS.lead(), TOKENS.operator(), TOKENS.reporter("MOE")}) {
            assertThat(anonymous.withToken(token).get("/api/v1/indicators").statusCode()).isEqualTo(200);
        }
        assertThat(anonymous.get("/api/v1/indicators").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndCountedAsRedelivered() throws Exception {
        double redeliveredBefore = redelivered();
        ObservationReported event = new ObservationReported(UUID.randomUUID(), "ip-2021-2025", "IND-04", "2021",
                new BigDecimal("6.5"), null, null, "CNIPA", "test", null, Instant.parse("2023-02-01T00:00:00Z"), "100m-cny", false);
        kafka.send(Topics.INDICATOR_EVENTS, event.partitionKey(), event).get();
        kafka.send(Topics.INDICATOR_EVENTS, event.partitionKey(), event).get();
        ObservationReported later = new ObservationReported(UUID.randomUUID(), "ip-2021-2025", "IND-04", "2022",
                new BigDecimal("7"), null, null, "CNIPA", "test", null, Instant.parse("2024-02-01T00:00:00Z"), "100m-cny", false);
        kafka.send(Topics.INDICATOR_EVENTS, later.partitionKey(), later).get();

        // The later event on the same partition is applied only after both copies of the first.
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc
                .sql("select count(*) from indicator.observation where event_id = ?").params(later.eventId())
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from indicator.observation where event_id = ?")
                .params(event.eventId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select revision from indicator.observation where event_id = ?")
                .params(event.eventId()).query(Integer.class).single()).isEqualTo(1);
        assertThat(redelivered() - redeliveredBefore).as("the second copy, skipped").isEqualTo(1);
    }

    private double redelivered() {
        Counter counter = meters.find("planwatch.projection.redelivered").tag("listener", "indicator-observations")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aRetryUnderTheSameIdempotencyKeyGetsTheFirstAnswerAndRecordsNothingNew() {
        String bootstrap = RealInfrastructure.shared().kafkaBootstrapServers();
        long before = TopicOffsets.endOffsetSum(bootstrap, Topics.INDICATOR_EVENTS);
        HttpCalls keyed = http.withHeader("Idempotency-Key", "cnipa-2024-ind04-" + UUID.randomUUID());
        String body = "{\"period\":\"2024\",\"value\":3400.5,\"unit\":\"亿元\"}";

        HttpResponse<String> first = keyed.postJson("/api/v1/indicators/IND-04/observations", body);
        HttpResponse<String> retry = keyed.postJson("/api/v1/indicators/IND-04/observations",
                "{ \"period\": \"2024\", \"value\": 3400.5, \"unit\": \"亿元\" }");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(retry.body()).get("eventId").asString())
                .isEqualTo(JSON.readTree(first.body()).get("eventId").asString());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(TopicOffsets.endOffsetSum(bootstrap, Topics.INDICATOR_EVENTS)).isEqualTo(before + 1);

        assertProblem(keyed.postJson("/api/v1/indicators/IND-04/observations",
                "{\"period\":\"2024\",\"value\":3401}"), 422, null);
        assertThat(TopicOffsets.endOffsetSum(bootstrap, Topics.INDICATOR_EVENTS)).isEqualTo(before + 1);

        // A refused request does not use up its key: corrected, it goes through.
        HttpCalls other = http.withHeader("Idempotency-Key", "cnipa-retry-" + UUID.randomUUID());
        assertProblem(other.postJson("/api/v1/indicators/IND-04/observations",
                "{\"period\":\"2030\",\"value\":3401}"), 422, "period");
        assertThat(other.postJson("/api/v1/indicators/IND-04/observations",
                "{\"period\":\"2030\",\"value\":3401}").statusCode()).as("same request, same refusal")
                .isEqualTo(422);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(jdbc.sql(
                "select unit || '/' || unit_confirmed from indicator.observation where event_id = ?")
                .params(UUID.fromString(JSON.readTree(first.body()).get("eventId").asString()))
                .query(String.class).single()).isEqualTo("100m-cny/true"));
    }

    private static JsonNode periodOnly(JsonNode list, String period) {
        var kept = JSON.createArrayNode();
        list.forEach(node -> {
            if (node.get("period").asString().equals(period)) {
                kept.add(node);
            }
        });
        return kept;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.has("type") && problem.has("title") && problem.has("detail")).as(response.body()).isTrue();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at cn.gov");
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsString("field")).as(response.body()).contains(field);
        }
    }
}
