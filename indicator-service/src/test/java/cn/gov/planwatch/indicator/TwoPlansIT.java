package cn.gov.planwatch.indicator;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestPlans;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped plan ip-2021-2025 and the second plan ip-2026-2030 at once: both name IND-01, reported by CNIPA, and
 * each plan's reports are its own; the second plan's new agency CAC reports its quarterly IND-02 there. The shipped
 * plan's values here use 2021 and 2022 only, which no test of this module takes as IND-01's latest period.
 */
class TwoPlansIT extends IndicatorServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECOND = TestPlans.SECOND_PLAN;
    private static final String SECOND_IND_01 = "/api/v1/plans/" + SECOND + "/indicators/IND-01";
    private static final String SHIPPED_IND_01 = "/api/v1/plans/ip-2021-2025/indicators/IND-01";

    private HttpCalls cnipa;
    private HttpCalls cac;

    @BeforeEach
    void publishTheSecondPlan() {
        publishPlan(TestPlans.secondPlanYaml());
        cnipa = http().withToken(TestTokens.shared().reporter("CNIPA"));
        cac = http().withToken(TestTokens.shared().reporter(TestPlans.NEW_AGENCY));
    }

    @Test
    void theSameIndicatorReportedToTwoPlansIsTwoSeries() {
        String toSecond = accepted(cnipa.postJson(SECOND_IND_01 + "/observations",
                "{\"period\":\"2026\",\"value\":15.1,\"comment\":\"十五五首年\",\"source\":\"国家知识产权局统计年报\"}"));
        String toShipped = accepted(cnipa.postJson(SHIPPED_IND_01 + "/observations",
                "{\"period\":\"2021\",\"value\":7.5,\"comment\":\"十四五首年\"}"));
        String unscoped = accepted(cnipa.postJson("/api/v1/indicators/IND-01/observations",
                "{\"period\":\"2022\",\"value\":9.6,\"comment\":\"未注明规划的报送属于默认规划\"}"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(eventIds(cnipa.get(SECOND_IND_01 + "/observations"))).contains(toSecond)
                    .doesNotContain(toShipped, unscoped);
            assertThat(eventIds(cnipa.get(SHIPPED_IND_01 + "/observations"))).contains(toShipped, unscoped)
                    .doesNotContain(toSecond);
        });
        assertThat(eventIds(cnipa.get("/api/v1/indicators/IND-01/observations")))
                .as("the unscoped path reads the default plan").contains(toShipped, unscoped).doesNotContain(toSecond);

        JsonNode second = json(cnipa.get(SECOND_IND_01), 200);
        assertThat(second.get("latest").get("eventId").asString()).isEqualTo(toSecond);
        assertThat(second.get("latest").get("value").decimalValue()).isEqualByComparingTo("15.1");
        assertThat(second.get("series").size()).as("only the second plan's 2026").isEqualTo(1);
        assertThat(second.get("baseline").get("value").decimalValue()).isEqualByComparingTo("14.6");
        for (String shipped : List.of(SHIPPED_IND_01, "/api/v1/indicators/IND-01")) {
            JsonNode detail = json(cnipa.get(shipped), 200);
            assertThat(detail.get("latest").get("eventId").asString()).as(shipped).isNotEqualTo(toSecond);
            assertThat(detail.get("series").toString()).as(shipped).doesNotContain("\"2026\"");
        }
    }

    @Test
    void theSecondPlansNewAgencyReportsItsQuarterlyIndicatorThere() {
        String reported = accepted(cac.postJson("/api/v1/plans/" + SECOND + "/indicators/IND-02/observations",
                "{\"period\":\"2026-Q3\",\"value\":3.2,\"unit\":\"万件\",\"comment\":\"数据知识产权登记，第三季度\"}"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                eventIds(cac.get("/api/v1/plans/" + SECOND + "/indicators/IND-02/observations"))).contains(reported));
        JsonNode ind02 = json(cac.get("/api/v1/plans/" + SECOND + "/indicators/IND-02"), 200);
        assertThat(ind02.get("responsibleAgency").asString()).isEqualTo("CAC");
        assertThat(ind02.get("latest").get("period").asString()).isEqualTo("2026-Q3");

        long before = records();
        assertThat(cac.postJson("/api/v1/indicators/IND-02/observations", "{\"period\":\"2024\",\"value\":1}")
                .statusCode()).as("the shipped plan's IND-02 is CNIPA's").isEqualTo(403);
        assertThat(cnipa.postJson("/api/v1/plans/" + SECOND + "/indicators/IND-02/observations",
                "{\"period\":\"2026-Q3\",\"value\":3}").statusCode()).as("the second plan's IND-02 is CAC's")
                .isEqualTo(403);
        assertProblem(cac.postJson("/api/v1/plans/" + SECOND + "/indicators/IND-02/observations",
                "{\"period\":\"2025-Q4\",\"value\":1}"), 422, "implausible-value", "2026–2030");
        assertProblem(cac.postJson("/api/v1/plans/" + SECOND + "/indicators/IND-02/observations",
                "{\"period\":\"2030-Q4\",\"value\":1}"), 422, "implausible-value", "has not begun");
        assertThat(records()).as("a refusal records nothing").isEqualTo(before);
    }

    @Test
    void anIndicatorOrAPlanTheOtherPlanDoesNotHaveIsUnknown() {
        long before = records();
        assertProblem(cnipa.postJson("/api/v1/plans/" + SECOND + "/indicators/IND-03/observations",
                "{\"period\":\"2026\",\"value\":1}"), 404, "not-found", "IND-03");
        assertProblem(cnipa.get("/api/v1/plans/" + SECOND + "/indicators/IND-03/observations"), 404, "not-found",
                "IND-03");
        assertProblem(cnipa.postJson("/api/v1/plans/ip-2031-2035/indicators/IND-01/observations",
                "{\"period\":\"2031\",\"value\":1}"), 404, "not-found", "ip-2031-2035");
        assertProblem(cnipa.get("/api/v1/plans/ip-2031-2035/indicators/IND-01/observations"), 404, "not-found",
                "ip-2031-2035");
        assertThat(records()).as("a refusal records nothing").isEqualTo(before);
    }

    @Test
    void aClosedPlanTakesNoMoreReportsAndItsReportsStayReadable() throws Exception {
        String closing = "ip-2026-2030-pilot";
        publishPlanAs(closing, TestPlans.secondPlanYaml());
        String observations = "/api/v1/plans/" + closing + "/indicators/IND-01/observations";
        String reported = accepted(cnipa.postJson(observations, "{\"period\":\"2026\",\"value\":14.9}"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(eventIds(cnipa.get(observations))).containsExactly(reported));

        closePlan(closing);

        long before = records();
        assertProblem(cnipa.postJson(observations, "{\"period\":\"2026\",\"value\":15}"), 409, "plan-closed", closing);
        assertThat(records()).as("a refusal records nothing").isEqualTo(before);
        assertThat(eventIds(cnipa.get(observations))).containsExactly(reported);
        assertThat(json(cnipa.get("/api/v1/plans/" + closing + "/indicators/IND-01"), 200)
                .get("latest").get("eventId").asString()).isEqualTo(reported);
        assertThat(accepted(cnipa.postJson(SECOND_IND_01 + "/observations", "{\"period\":\"2026\",\"value\":15.2}")))
                .as("another plan still takes reports").isNotBlank();
    }

    private static String accepted(HttpResponse<String> response) {
        return json(response, 202).get("eventId").asString();
    }

    private static List<String> eventIds(HttpResponse<String> observations) {
        List<String> ids = new ArrayList<>();
        json(observations, 200).forEach(o -> ids.add(o.get("eventId").asString()));
        return ids;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type, String detail) {
        JsonNode problem = json(response, status);
        assertThat(problem.get("type").asString()).endsWith("/" + type);
        assertThat(problem.get("detail").asString()).contains(detail);
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static long records() {
        return TopicOffsets.endOffsetSum(RealInfrastructure.shared().kafkaBootstrapServers(), Topics.INDICATOR_EVENTS);
    }
}
