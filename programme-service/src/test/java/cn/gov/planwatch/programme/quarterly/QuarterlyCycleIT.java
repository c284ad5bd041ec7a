package cn.gov.planwatch.programme.quarterly;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.platform.eventlog.FewEventsFetch;
import cn.gov.planwatch.programme.SettableClock;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ListenerFetch;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static cn.gov.planwatch.programme.ApiAnswers.json;
import static cn.gov.planwatch.programme.ApiAnswers.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole quarterly cycle over HTTP, on the real log and database: report → submit → return → revise →
 * resubmit → accept → every later write for the quarter refused with 409. A lead of another agency than the plan's
 * reviews nothing.
 */
@Import(SettableClock.Configuration.class)
class QuarterlyCycleIT extends ServiceFixture {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final String PROGRESS = "/api/v1/programmes/trade-secrets/progress";

    HttpCalls samr;
    HttpCalls lead;

    @BeforeEach
    void connect() {
        HttpCalls anonymous = http();
        samr = anonymous.withToken(TOKENS.reporter("SAMR"));
        lead = anonymous.withToken(TOKENS.lead());
    }

    @Test
    void reportSubmitReturnReviseResubmitAcceptThenTheQuarterIsLocked() {
        long lifecycleBefore = records(Topics.QUARTERLY_UPDATE_EVENTS);
        String review = "/api/v1/quarterly-updates/SAMR/2025-Q3";

        json(samr.postJson(PROGRESS, "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":70,"
                + "\"summary\":\"商业秘密保护指引已发布\",\"measures\":[{\"code\":\"policy\",\"status\":\"COMPLETED\"}]}"), 202);
        problem(lead.postJson(review + "/accept", "{}"), 409, null);

        JsonNode submitted = json(samr.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2025-Q3\"}"), 202);
        assertThat(submitted.get("agency").asString()).isEqualTo("SAMR");
        assertThat(submitted.get("quarter").asString()).isEqualTo("2025-Q3");
        assertThat(submitted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(submitted.get("state").asString()).isEqualTo("SUBMITTED");
        problem(samr.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2025-Q3\"}"), 409, null);

        // Only the plan's lead agency (CNIPA) reviews: a lead of SAMR may not accept or return even SAMR's own.
        HttpCalls samrLead = http().withToken(TOKENS.token("SAMR", "lead"));
        assertThat(problem(samrLead.postJson(review + "/accept", "{}"), 403, null).get("type").asString())
                .endsWith("/not-lead-of-plan");
        assertThat(problem(samrLead.postJson(review + "/return", "{\"reason\":\"请补充\",\"items\":[]}"), 403,
                null).get("type").asString()).endsWith("/not-lead-of-plan");

        problem(lead.postJson(review + "/return", "{\"items\":[\"IND-03\"]}"), 400, "reason");
        problem(lead.postJson(review + "/return", "{\"reason\":\"x\",\"items\":[\"IND-03\",\"IND-99\"]}"), 422,
                "items[1]");
        problem(lead.postJson("/api/v1/quarterly-updates/NASA/2025-Q3/return", "{\"reason\":\"x\"}"), 404, null);
        problem(lead.postJson("/api/v1/quarterly-updates/SAMR/2019-Q3/accept", "{}"), 404, null);
        problem(lead.postJson("/api/v1/quarterly-updates/SAMR/2025-3/accept", "{}"), 400, "quarter");
        JsonNode returned = json(lead.postJson(review + "/return",
                "{\"reason\":\"请补充风险说明\",\"items\":[\"IND-03\",\"trade-secrets\"]}"), 202);
        assertThat(returned.get("state").asString()).isEqualTo("RETURNED");
        problem(lead.postJson(review + "/return", "{\"reason\":\"again\"}"), 409, null);

        json(samr.postJson(PROGRESS, "{\"quarter\":\"2025-Q3\",\"status\":\"AT_RISK\",\"percentComplete\":70,"
                + "\"summary\":\"商业秘密保护指引已发布\",\"risks\":\"跨境援助机制尚未建立\"}"), 202);
        json(samr.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2025-Q3\"}"), 202);
        JsonNode accepted = json(lead.postJson(review + "/accept", "{}"), 202);
        assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");

        // Locked: nothing more for SAMR's 2025-Q3, from anyone.
        JsonNode locked = problem(samr.postJson(PROGRESS,
                "{\"quarter\":\"2025-Q3\",\"status\":\"DELAYED\",\"percentComplete\":70}"), 409, null);
        assertThat(locked.get("type").asString()).endsWith("/quarter-locked");
        assertThat(locked.get("detail").asString()).isEqualTo("SAMR's update for 2025-Q3 has been accepted by the"
                + " lead agency; nothing more can be recorded for it");
        JsonNode lockedInChinese = problem(samr.withHeader("Accept-Language", "zh-CN").postJson(
                "/api/v1/quarterly-updates", "{\"quarter\":\"2025-Q3\"}"), 409, null);
        assertThat(lockedInChinese.get("title").asString()).isEqualTo("季度已锁定");
        assertThat(lockedInChinese.get("detail").asString())
                .isEqualTo("SAMR 2025-Q3 的季度更新已被牵头单位接受并锁定，不能再修改");
        problem(lead.postJson(review + "/accept", "{}"), 409, null);
        problem(lead.postJson(review + "/return", "{\"reason\":\"too late\"}"), 409, null);
        // Another agency's same quarter, and SAMR's next quarter, stay open.
        json(http().withToken(TOKENS.reporter("SPC")).postJson(PROGRESS,
                "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":50}"), 202);
        json(samr.postJson(PROGRESS, "{\"quarter\":\"2025-Q4\",\"status\":\"ON_TRACK\",\"percentComplete\":80}"), 202);

        assertThat(records(Topics.QUARTERLY_UPDATE_EVENTS) - lifecycleBefore).as("lifecycle events appended")
                .isEqualTo(4);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> reports = nodes(json(samr.get(PROGRESS), 200)).stream()
                    .filter(r -> r.get("agency").asString().equals("SAMR")
                            && r.get("quarter").asString().equals("2025-Q3")).toList();
            assertThat(reports).hasSize(2);
            assertThat(reports.get(0).get("revision").asInt()).isEqualTo(1);
            assertThat(reports.get(0).get("current").asBoolean()).isFalse();
            assertThat(reports.get(1).get("revision").asInt()).isEqualTo(2);
            assertThat(reports.get(1).get("current").asBoolean()).isTrue();
            assertThat(reports.get(1).get("risks").asString()).isEqualTo("跨境援助机制尚未建立");
            assertThat(reports.get(0).get("measures").get(0).get("code").asString()).isEqualTo("policy");
        });

        JsonNode quarters = json(samr.get("/api/v1/quarterly-updates/SAMR"), 200);
        JsonNode q3 = nodes(quarters.get("quarters")).stream()
                .filter(q -> q.get("quarter").asString().equals("2025-Q3")).findFirst().orElseThrow();
        assertThat(q3.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(q3.get("review").get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(q3.get("review").get("reviewer").asString()).isEqualTo("CNIPA");
        List<JsonNode> steps = nodes(quarters.get("history")).stream()
                .filter(s -> s.get("quarter").asString().equals("2025-Q3")).toList();
        assertThat(steps).extracting(s -> s.get("kind").asString())
                .containsExactly("SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED");
        assertThat(steps.get(1).get("reason").asString()).isEqualTo("请补充风险说明");
        assertThat(nodes(steps.get(1).get("items"))).extracting(JsonNode::asString)
                .containsExactly("IND-03", "trade-secrets");
    }

    @Test
    void concurrentStepsOnOneQuarterYieldExactlyOneOutcome() throws Exception {
        HttpCalls spc = http().withToken(TOKENS.reporter("SPC"));
        List<Integer> submits = race(8, i -> spc.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2024-Q4\"}"));
        assertThat(submits).containsOnlyOnce(202).containsOnly(202, 409);

        List<Integer> reviews = race(8, i -> i % 2 == 0
                ? lead.postJson("/api/v1/quarterly-updates/SPC/2024-Q4/accept", "{}")
                : lead.postJson("/api/v1/quarterly-updates/SPC/2024-Q4/return", "{\"reason\":\"并发\"}"));
        assertThat(reviews).containsOnlyOnce(202).containsOnly(202, 409);
    }

    @Test
    void aRetryUnderTheSameIdempotencyKeyGetsTheFirstAnswerAndRecordsNothingNew() {
        HttpCalls mps = http().withToken(TOKENS.reporter("MPS"))
                .withHeader("Idempotency-Key", "mps-2025-Q1-submission");
        long before = records(Topics.QUARTERLY_UPDATE_EVENTS);
        HttpResponse<String> first = mps.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2025-Q1\"}");
        HttpResponse<String> retry = mps.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2025-Q1\"}");

        assertThat(json(retry, 202).get("eventId")).isEqualTo(json(first, 202).get("eventId"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(records(Topics.QUARTERLY_UPDATE_EVENTS) - before).isEqualTo(1);
        problem(mps.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2025-Q2\"}"), 422, null);
    }

    @Test
    void aResendOfAStepThatReachedTheLogWithoutAnAnswerIsAnsweredAsTakenNotRefused() {
        HttpCalls mps = http().withToken(TOKENS.reporter("MPS"))
                .withHeader("Idempotency-Key", "mps-2024-Q3-submission");
        long before = records(Topics.QUARTERLY_UPDATE_EVENTS);
        JsonNode first = json(mps.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2024-Q3\"}"), 202);
        // As a lost acknowledgement leaves it: the step is in the log and the ledger, the key's outcome unknown.
        jdbc.sql("update programme.idempotency_record set state = 'UNCERTAIN', status = null, answer = null"
                + " where key = 'mps-2024-Q3-submission'").update();

        HttpResponse<String> resend = mps.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2024-Q3\"}");

        JsonNode answer = json(resend, 202);
        assertThat(answer.get("eventId")).isEqualTo(first.get("eventId"));
        assertThat(answer.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(resend.headers().firstValue("Idempotent-Replayed")).as("settled, not replayed").isEmpty();
        assertThat(records(Topics.QUARTERLY_UPDATE_EVENTS) - before).as("nothing appended twice").isEqualTo(1);
        // Without the key the same step is out of turn: the quarter is submitted already.
        problem(http().withToken(TOKENS.reporter("MPS"))
                .postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2024-Q3\"}"), 409, null);
    }

    @Test
    void aResendOfAReportThatReachedTheLogIsAnsweredAsRecordedEvenOnceTheQuarterIsLocked() {
        String body = "{\"quarter\":\"2022-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":40}";
        HttpCalls keyed = samr.withHeader("Idempotency-Key", "samr-2022-Q3-trade-secrets");
        JsonNode first = json(keyed.postJson(PROGRESS, body), 202);
        // The answer lost on its way back; meanwhile SAMR submits the quarter and the lead accepts it.
        jdbc.sql("update programme.idempotency_record set state = 'UNCERTAIN', status = null, answer = null"
                + " where key = 'samr-2022-Q3-trade-secrets'").update();
        json(samr.postJson("/api/v1/quarterly-updates", "{\"quarter\":\"2022-Q3\"}"), 202);
        json(lead.postJson("/api/v1/quarterly-updates/SAMR/2022-Q3/accept", "{}"), 202);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from programme.progress_report where event_id = cast(? as uuid)")
                .params(first.get("eventId").asString()).query(Long.class).single() == 1);
        long before = records(Topics.PROGRAMME_EVENTS);

        JsonNode resent = json(keyed.postJson(PROGRESS, body), 202);

        assertThat(resent.get("eventId")).isEqualTo(first.get("eventId"));
        assertThat(records(Topics.PROGRAMME_EVENTS)).as("nothing appended again").isEqualTo(before);
        problem(samr.postJson(PROGRESS, body), 409, null); // a new report for the locked quarter is still refused
    }

    private interface Call {
        HttpResponse<String> send(int i);
    }

    private static List<Integer> race(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                answers.add(pool.submit((Callable<Integer>) () -> call.send(index).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private static List<JsonNode> nodes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static long records(String topic) {
        return TopicOffsets.endOffsetSum(RealInfrastructure.shared().kafkaBootstrapServers(), topic);
    }

    @Test
    void listenersOfPlansQuarterlyUpdatesAndDeadLettersAnswerAtTheFirstEventAndListenersOfReportsReadInBatches(
            @Autowired KafkaListenerEndpointRegistry listeners) {
        ListenerFetch.assertOwnSettingsOnTopicsOfFewEventsOnly(listeners, FewEventsFetch::carriesFewEvents,
                FewEventsFetch.ANSWER_AT_FIRST_EVENT, FewEventsFetch.WAIT_WHEN_IDLE);
    }
}
