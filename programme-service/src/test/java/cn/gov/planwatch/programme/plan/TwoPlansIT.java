package cn.gov.planwatch.programme.plan;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.programme.SettableClock;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestPlans;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static cn.gov.planwatch.programme.ApiAnswers.json;
import static cn.gov.planwatch.programme.ApiAnswers.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two plans at once, on the real log and database: the second plan (ip-2026-2030, led by CNIPA) published over HTTP
 * beside the shipped one. Its programme takes reports from its own agencies, a new one (CAC) included; an agency's
 * quarterly update in one plan is another update than in the next; each plan's own lead agency reviews; a closed plan
 * takes no writes but still answers; the unscoped paths still mean the shipped plan.
 */
@Import(SettableClock.Configuration.class)
class TwoPlansIT extends ServiceFixture {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final String YAML = "application/yaml";
    private static final String SECOND = "/api/v1/plans/" + TestPlans.SECOND_PLAN;
    private static final String Q3_REPORT = "{\"quarter\":\"2026-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":30,"
            + "\"summary\":\"数据知识产权登记试点启动\",\"measures\":[{\"code\":\"registration\",\"status\":\"ON_TRACK\"}],"
            + "\"milestones\":[{\"code\":\"pilot-provinces\",\"value\":8}]}";

    @Autowired
    SettableClock clock;

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    HttpCalls cnipaLead;
    HttpCalls samrLead;
    HttpCalls cac;
    HttpCalls samr;

    @BeforeEach
    void publishTheSecondPlan() {
        // Mid-October 2026: 2026-Q3 has ended and its updates are not due before 15 October (Beijing time).
        clock.set("2026-10-10T02:00:00Z");
        cnipaLead = http().withToken(TOKENS.lead());
        samrLead = http().withToken(TOKENS.token("SAMR", "lead"));
        cac = http().withToken(TOKENS.reporter(TestPlans.NEW_AGENCY));
        samr = http().withToken(TOKENS.reporter("SAMR"));
        // Published by the first test to run; the same document again records nothing.
        assertThat(cnipaLead.put(SECOND, YAML, TestPlans.secondPlanYaml()).statusCode()).isIn(200, 202);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSecondPlansProgrammeTakesReportsFromItsOwnAgencies() {
        JsonNode byCac = json(cac.postJson(SECOND + "/programmes/data-ip/progress", Q3_REPORT), 202);
        json(samr.postJson(SECOND + "/programmes/data-ip/progress",
                Q3_REPORT.replace("2026-Q3", "2026-Q2").replace("30", "20")), 202);

        assertThat(nodes(json(cac.get(SECOND + "/programmes"), 200))).extracting(p -> p.get("slug").asString())
                .containsExactly("data-ip");
        JsonNode programme = await().atMost(Duration.ofSeconds(20)).until(
                () -> json(cac.get(SECOND + "/programmes/data-ip"), 200),
                detail -> detail.get("latestByAgency").has("CAC") && detail.get("latestByAgency").has("SAMR"));
        assertThat(programme.get("leadAgency").asString()).isEqualTo("CNIPA");
        assertThat(programme.at("/latestByAgency/CAC/percentComplete").asInt()).isEqualTo(30);
        assertThat(programme.at("/latestByAgency/SAMR/percentComplete").asInt()).isEqualTo(20);
        assertThat(jdbc.sql("select plan from programme.progress_report where event_id = cast(? as uuid)")
                .params(byCac.get("eventId").asString()).query(String.class).single())
                .as("the report's event names its plan").isEqualTo(TestPlans.SECOND_PLAN);

        // Measures, milestones and agencies are the plan's programme's own; the shipped plan has no data-ip.
        problem(cac.postJson(SECOND + "/programmes/data-ip/progress",
                Q3_REPORT.replace("registration", "policy")), 422, "measures[0].code");
        problem(http().withToken(TOKENS.reporter("MOE")).postJson(SECOND + "/programmes/data-ip/progress",
                Q3_REPORT), 403, null);
        problem(cac.postJson("/api/v1/programmes/data-ip/progress", Q3_REPORT), 404, null);
        problem(cac.postJson(SECOND + "/programmes/data-ip/progress", Q3_REPORT.replace("2026-Q3", "2027-Q1")), 422,
                "quarter");
        problem(cac.postJson(SECOND + "/programmes/data-ip/progress", Q3_REPORT.replace("2026-Q3", "2025-Q3")), 422,
                "quarter");
        problem(cac.get("/api/v1/plans/ip-2099-2103/programmes"), 404, null);
        problem(cac.postJson("/api/v1/plans/ip-2099-2103/programmes/data-ip/progress", Q3_REPORT), 404, null);
    }

    @Test
    void anAgencysUpdateInTwoPlansIsTwoUpdatesEachReviewedByItsOwnPlansLead() {
        // A twin of the second plan, led by SAMR: the same agencies and quarters, another plan.
        String twin = "ipt-" + UUID.randomUUID().toString().substring(0, 8);
        json(samrLead.put("/api/v1/plans/" + twin, YAML, TestPlans.secondPlanYaml()
                .replace("id: " + TestPlans.SECOND_PLAN, "id: " + twin)
                .replace("  leadAgency: CNIPA\nagencies:", "  leadAgency: SAMR\nagencies:")), 202);
        String twinPath = "/api/v1/plans/" + twin;

        json(samr.postJson(SECOND + "/quarterly-updates", "{\"quarter\":\"2026-Q3\"}"), 202);
        json(samr.postJson(twinPath + "/quarterly-updates", "{\"quarter\":\"2026-Q3\"}"), 202);
        problem(samr.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2026-Q3\"}"), 422, "quarter");

        // Each plan's own lead agency reviews: SAMR's lead does not lead the second plan, CNIPA's not the twin.
        assertThat(problem(samrLead.postJson(SECOND + "/quarterly-updates/SAMR/2026-Q3/accept", "{}"), 403, null)
                .get("type").asString()).endsWith("/not-lead-of-plan");
        assertThat(problem(cnipaLead.postJson(twinPath + "/quarterly-updates/SAMR/2026-Q3/accept", "{}"), 403, null)
                .get("type").asString()).endsWith("/not-lead-of-plan");
        JsonNode accepted = json(cnipaLead.postJson(SECOND + "/quarterly-updates/SAMR/2026-Q3/accept", "{}"), 202);
        assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");

        assertThat(quarter(cnipaLead, SECOND, "SAMR", "2026-Q3").get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(quarter(samrLead, twinPath, "SAMR", "2026-Q3").get("state").asString())
                .isEqualTo("SUBMITTED_ON_TIME");
        // The lock is the plan's: SAMR's 2026-Q3 is closed to reports in the second plan only.
        assertThat(problem(samr.postJson(SECOND + "/programmes/data-ip/progress", Q3_REPORT), 409, null)
                .get("type").asString()).endsWith("/quarter-locked");
        json(samr.postJson(twinPath + "/programmes/data-ip/progress", Q3_REPORT), 202);

        JsonNode matrix = json(cnipaLead.get(SECOND + "/quarterly-updates"), 200);
        assertThat(nodes(matrix.get("agencies"))).extracting(a -> a.get("agency").asString())
                .containsExactly("CNIPA", "SAMR", "CAC");
        JsonNode samrInSecond = nodes(matrix.get("agencies")).stream()
                .filter(a -> a.get("agency").asString().equals("SAMR")).findFirst().orElseThrow();
        assertThat(nodes(samrInSecond.get("quarters"))).hasSize(20);
        assertThat(json(samr.get(twinPath + "/quarterly-updates/SAMR"), 200).get("history").findValuesAsString("kind"))
                .containsExactly("SUBMITTED");
    }

    @Test
    void aClosedPlanTakesNoWritesAndStillAnswersReads() {
        String plan = "ipc-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/v1/plans/" + plan;
        json(cnipaLead.put(path, YAML, TestPlans.secondPlanYaml()
                .replace("id: " + TestPlans.SECOND_PLAN, "id: " + plan)), 202);
        json(cac.postJson(path + "/programmes/data-ip/progress", Q3_REPORT), 202);
        json(samr.postJson(path + "/quarterly-updates", "{\"quarter\":\"2026-Q3\"}"), 202);
        json(cac.postJson(path + "/quarterly-updates", "{\"quarter\":\"2026-Q3\"}"), 202);

        json(cnipaLead.postJson(path + "/close", "{\"reason\":\"规划已由新规划取代\"}"), 202);

        long progressBefore = records(Topics.PROGRAMME_EVENTS);
        long stepsBefore = records(Topics.QUARTERLY_UPDATE_EVENTS);
        List<HttpResponse<String>> writes = List.of(
                cac.postJson(path + "/programmes/data-ip/progress", Q3_REPORT.replace("30", "40")),
                samr.postJson(path + "/quarterly-updates", "{\"quarter\":\"2026-Q2\"}"),
                cnipaLead.postJson(path + "/quarterly-updates/SAMR/2026-Q3/accept", "{}"),
                cnipaLead.postJson(path + "/quarterly-updates/CAC/2026-Q3/return", "{\"reason\":\"请补充登记数据\"}"));
        writes.forEach(refused -> assertThat(problem(refused, 409, null).get("type").asString())
                .endsWith("/plan-closed"));
        assertThat(records(Topics.PROGRAMME_EVENTS)).as("no report recorded").isEqualTo(progressBefore);
        assertThat(records(Topics.QUARTERLY_UPDATE_EVENTS)).as("no step recorded").isEqualTo(stepsBefore);

        assertThat(nodes(await().atMost(Duration.ofSeconds(20)).until(
                () -> json(cac.get(path + "/programmes/data-ip/progress"), 200), reports -> reports.size() == 1))
                .get(0).get("agency").asString()).isEqualTo("CAC");
        json(cac.get(path + "/programmes/data-ip"), 200);
        json(cnipaLead.get(path + "/programmes"), 200);
        assertThat(quarter(cnipaLead, path, "SAMR", "2026-Q3").get("state").asString())
                .isEqualTo("SUBMITTED_ON_TIME");
        json(cnipaLead.get(path + "/quarterly-updates"), 200);
    }

    @Test
    void theUnscopedPathsStillMeanTheShippedPlan() {
        List<String> programmes = nodes(json(cac.get("/api/v1/programmes"), 200)).stream()
                .map(p -> p.get("slug").asString()).toList();
        assertThat(programmes).hasSize(10).doesNotContain("data-ip").contains("trade-secrets");
        assertThat(nodes(json(cac.get("/api/v1/plans/ip-2021-2025/programmes"), 200)))
                .extracting(p -> p.get("slug").asString()).containsExactlyElementsOf(programmes);
        JsonNode samrShipped = json(samr.get("/api/v1/quarterly-updates/SAMR"), 200);
        assertThat(nodes(samrShipped.get("quarters"))).extracting(q -> q.get("quarter").asString())
                .startsWith("2021-Q1").endsWith("2025-Q4");
        assertThat(samrShipped.get("history").findValuesAsString("quarter")).noneMatch(q -> q.startsWith("2026"));
        // CAC is an agency of the second plan only.
        problem(cnipaLead.get("/api/v1/quarterly-updates/CAC"), 404, null);
        json(cnipaLead.get(SECOND + "/quarterly-updates/CAC"), 200);
    }

    @Test
    void anAmendmentMayNotRemoveAnIndicatorWithObservations() throws Exception {
        String plan = "ipa-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/v1/plans/" + plan;
        String document = TestPlans.secondPlanYaml().replace("id: " + TestPlans.SECOND_PLAN, "id: " + plan);
        json(cnipaLead.put(path, YAML, document), 202);
        // indicator-service records CAC's first IND-02 value for the plan.
        UUID observation = UUID.randomUUID();
        kafka.send(Topics.INDICATOR_EVENTS, "IND-02", new ObservationReported(observation, plan, "IND-02", "2026-Q3",
                new BigDecimal("2.6"), "登记试点首季数据", "国家网信办", "CAC", "cac-reporter", null,
                Instant.parse("2026-10-09T02:00:00Z"), "10k-items", true, "cac-reporter")).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from programme.reported_indicator where event_id = ?").params(observation)
                .query(Long.class).single() == 1);

        String withoutInd02 = withoutIndicator(document.replace("  version: 1\n", "  version: 2\n"), "IND-02");
        JsonNode refused = problem(cnipaLead.put(path, YAML, withoutInd02), 422, "indicators");
        assertThat(refused.get("errors").findValuesAsString("message")).anyMatch(m -> m.contains("IND-02"));
        assertThat(json(cnipaLead.get(path), 200).get("version").asInt()).isEqualTo(1);

        // IND-01 has no observation in this plan (only in the shipped one): it may go.
        json(cnipaLead.put(path, YAML, withoutIndicator(document.replace("  version: 1\n", "  version: 2\n"),
                "IND-01").replace("    number: 2\n", "    number: 1\n")), 202);
    }

    private static String withoutIndicator(String document, String code) {
        int start = document.indexOf("  - code: " + code + "\n");
        int end = document.indexOf("\n  - code: ", start + 1);
        int programmes = document.indexOf("\nprogrammes:", start);
        return document.substring(0, start) + document.substring((end < 0 || end > programmes ? programmes : end) + 1);
    }

    private static JsonNode quarter(HttpCalls caller, String plan, String agency, String quarter) {
        return nodes(json(caller.get(plan + "/quarterly-updates/" + agency), 200).get("quarters")).stream()
                .filter(q -> q.get("quarter").asString().equals(quarter)).findFirst().orElseThrow();
    }

    private static List<JsonNode> nodes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static long records(String topic) {
        return TopicOffsets.endOffsetSum(RealInfrastructure.shared().kafkaBootstrapServers(), topic);
    }
}
