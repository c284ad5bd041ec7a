package cn.gov.planwatch.programme.progress;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.programme.SettableClock;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static cn.gov.planwatch.programme.ApiAnswers.json;
import static cn.gov.planwatch.programme.ApiAnswers.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Progress of the geographical-indications programme as its agencies report it, read back with the
 * roll-up. The clock stands in 2025-Q3, so 2025-Q4 lies in the future.
 */
@Import(SettableClock.Configuration.class)
class ProgrammeProgressIT extends ServiceFixture {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final String GI = "/api/v1/programmes/geographical-indications";

    @Autowired
    SettableClock clock;

    HttpCalls anonymous;

    @BeforeEach
    void connect() {
        anonymous = http();
        clock.set("2025-08-20T02:00:00Z");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aParticipatingAgencyReportsTheMilestoneAndTheRollUpShowsItAgainstItsTarget() {
        JsonNode accepted = json(anonymous.withToken(TOKENS.reporter("SAMR")).postJson(GI + "/progress",
                "{\"quarter\":\"2025-Q3\",\"status\":\"AT_RISK\",\"percentComplete\":40,"
                        + "\"summary\":\"示范区建设稳步推进\",\"risks\":\"部分地区资金未到位\","
                        + "\"measures\":[{\"code\":\"gi-special-action\",\"status\":\"ON_TRACK\",\"note\":\"专项行动推进中\"}],"
                        + "\"milestones\":[{\"code\":\"gi-demo-zones\",\"value\":37}]}"), 202);
        assertThat(accepted.get("programme").asString()).isEqualTo("geographical-indications");
        assertThat(accepted.get("quarter").asString()).isEqualTo("2025-Q3");
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        String samrEvent = accepted.get("eventId").asString();
        json(anonymous.withToken(TOKENS.reporter("CNIPA")).postJson(GI + "/progress",
                "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":60}"), 202);

        long before = records();
        problem(anonymous.withToken(TOKENS.reporter("MOE")).postJson(GI + "/progress",
                "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":60}"), 403, null);
        problem(anonymous.withToken(TOKENS.lead()).postJson(GI + "/progress",
                "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":60}"), 403, null);
        assertThat(records()).as("refusals record nothing").isEqualTo(before);

        HttpCalls moe = anonymous.withToken(TOKENS.reporter("MOE"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode detail = json(moe.get(GI), 200);
            assertThat(detail.path("titleZh").asString()).isEqualTo("地理标志保护工程");
            // path(), not get(): until the report is projected its entry is missing, and the wait goes on.
            assertThat(detail.path("latestByAgency").path("SAMR").path("summary").asString()).isEqualTo("示范区建设稳步推进");
            assertThat(detail.path("latestByAgency").path("SAMR").path("measures").path(0).path("note").asString())
                    .isEqualTo("专项行动推进中");
            JsonNode rollUp = detail.path("rollUp");
            assertThat(rollUp.path("asOfQuarter").asString()).isEqualTo("2025-Q3");
            assertThat(rollUp.path("lead").path("agency").asString()).isEqualTo("CNIPA");
            assertThat(rollUp.path("lead").path("status").asString()).isEqualTo("ON_TRACK");
            assertThat(rollUp.path("worstParticipant").path("agency").asString()).isEqualTo("SAMR");
            assertThat(rollUp.path("worstParticipant").path("status").asString()).isEqualTo("AT_RISK");
            JsonNode zones = rollUp.path("milestones").path(0);
            assertThat(zones.path("code").asString()).isEqualTo("gi-demo-zones");
            assertThat(zones.path("value").decimalValue()).isEqualByComparingTo("37");
            assertThat(zones.path("target").decimalValue()).isEqualByComparingTo("100");
            assertThat(zones.path("percentOfTarget").decimalValue()).isEqualByComparingTo("37.0");
            assertThat(zones.path("agency").asString()).isEqualTo("SAMR");
            assertThat(zones.path("eventId").asString()).isEqualTo(samrEvent);
            assertThat(nodes(rollUp.path("notReported"))).extracting(JsonNode::asString).containsExactly("MARA");
        });

        List<JsonNode> history = nodes(json(moe.get(GI + "/progress"), 200));
        assertThat(history).extracting(r -> r.get("agency").asString()).containsExactly("SAMR", "CNIPA");
        assertThat(history.get(0).get("milestones").get(0).get("value").decimalValue()).isEqualByComparingTo("37");
    }

    @Test
    void refusalsAreProblemsNamingTheFieldAndRecordNothing() {
        HttpCalls mara = anonymous.withToken(TOKENS.reporter("MARA"));
        String path = GI + "/progress";
        long before = records();

        problem(mara.postJson(path, "{\"quarter\":\"2025-3\",\"status\":\"ON_TRACK\",\"percentComplete\":1}"), 400,
                "quarter");
        problem(mara.postJson(path, "{\"quarter\":\"2025-Q4\",\"status\":\"ON_TRACK\",\"percentComplete\":1}"), 422,
                "quarter");
        problem(mara.postJson(path, "{\"quarter\":\"2020-Q4\",\"status\":\"ON_TRACK\",\"percentComplete\":1}"), 422,
                "quarter");
        problem(mara.postJson(path, "{\"quarter\":\"2025-Q3\",\"status\":\"FINE\",\"percentComplete\":1}"), 400,
                "status");
        problem(mara.postJson(path, "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":101}"), 422,
                "percentComplete");
        problem(mara.postJson(path, "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":50.5}"), 400,
                "percentComplete");
        problem(mara.postJson(path, "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\"}"), 400, "percentComplete");
        problem(mara.postJson(path, "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":1,"
                + "\"measures\":[{\"code\":\"gi-agri-products\",\"status\":\"ON_TRACK\"},"
                + "{\"code\":\"policy\",\"status\":\"ON_TRACK\"}]}"), 422, "measures[1].code");
        problem(mara.postJson(path, "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":1,"
                + "\"milestones\":[{\"code\":\"gi-demo-zones\",\"value\":-3}]}"), 422, "milestones[0].value");
        problem(mara.postJson(path, "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":1,"
                + "\"summary\":\"" + "长".repeat(4001) + "\"}"), 400, "summary");
        problem(mara.postJson(path, "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":1,"
                + "\"risks\":\"a\\u0000b\"}"), 400, "risks");
        problem(mara.postJson(path, "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":1,"
                + "\"agency\":\"CNIPA\"}"), 400, "agency");
        problem(mara.post(path, "text/plain", "ON_TRACK"), 415, null);
        problem(mara.postJson("/api/v1/programmes/space-race/progress",
                "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":1}"), 404, null);
        problem(mara.get("/api/v1/programmes/space-race"), 404, null);
        problem(mara.get("/api/v1/programmes/space-race/progress"), 404, null);

        assertThat(records()).as("records in the programme topic").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from programme.progress_report where agency = 'MARA'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aReporterWhoReadsChineseIsToldInChineseWhatIsWrongAndEveryoneElseInTheEnglishAsBefore() {
        HttpCalls mara = anonymous.withToken(TOKENS.reporter("MARA"));
        String path = GI + "/progress";
        String overFull = "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":101}";
        String early = "{\"quarter\":\"2025-Q4\",\"status\":\"ON_TRACK\",\"percentComplete\":1}";
        HttpCalls chinese = mara.withHeader("Accept-Language", "zh-CN");

        HttpResponse<String> refused = chinese.postJson(path, overFull);
        JsonNode problem = problem(refused, 422, "percentComplete");
        assertThat(refused.headers().firstValue("Content-Language")).hasValue("zh-CN");
        assertThat(problem.get("type").asString()).isEqualTo("https://planwatch.cn/problems/implausible-value");
        assertThat(problem.get("title").asString()).isEqualTo("数值不合理");
        assertThat(problem.get("detail").asString()).isEqualTo("percentComplete：须在 0–100 之间");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("须在 0–100 之间");
        assertThat(problem(chinese.postJson(path, early), 422, "quarter").get("errors").get(0).get("message")
                .asString()).isEqualTo("2025-Q4 尚未开始");

        for (HttpCalls english : List.of(mara, mara.withHeader("Accept-Language", "de-DE, zh-CN;q=0.1"))) {
            HttpResponse<String> answer = english.postJson(path, overFull);
            JsonNode englishProblem = problem(answer, 422, "percentComplete");
            assertThat(answer.headers().firstValue("Content-Language")).hasValue("en");
            assertThat(englishProblem.get("title").asString()).isEqualTo("Implausible value");
            assertThat(englishProblem.get("detail").asString())
                    .isEqualTo("percentComplete: must be 0–100 / 须在 0–100 之间");
            assertThat(problem(english.postJson(path, early), 422, "quarter").get("detail").asString())
                    .isEqualTo("quarter: 2025-Q4 has not begun yet");
        }
    }

    private static List<JsonNode> nodes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static long records() {
        return TopicOffsets.endOffsetSum(RealInfrastructure.shared().kafkaBootstrapServers(), Topics.PROGRAMME_EVENTS);
    }
}
