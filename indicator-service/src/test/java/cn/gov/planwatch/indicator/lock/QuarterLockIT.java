package cn.gov.planwatch.indicator.lock;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;
import cn.gov.planwatch.indicator.IndicatorServiceFixture;
import cn.gov.planwatch.platform.eventlog.FewEventsFetch;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ListenerFetch;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestPlans;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lead agency's acceptance of a quarter, as programme-service writes it to the quarterly update
 * topic, closes the agency's indicator values for that quarter here; a return reopens them.
 * CPD's 2021-Q4 closes its annual 2021 value of IND-06 (no other test of this module uses 2021 for CPD). Plans are
 * independent: an acceptance in one plan closes nothing in another.
 */
class QuarterLockIT extends IndicatorServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IND_06 = "/api/v1/indicators/IND-06/observations";

    @Test
    void anAcceptedQuarterRefusesTheAgencysValuesForItUntilReturned() throws Exception {
        HttpCalls cpd = http().withToken(TestTokens.shared().reporter("CPD"));
        Instant t = Instant.parse("2022-01-12T02:00:00Z");
        kafka.send(Topics.QUARTERLY_UPDATE_EVENTS, "CPD", new QuarterlyUpdateSubmitted(UUID.randomUUID(), "ip-2021-2025", "CPD",
                "2021-Q4", "cpd-reporter", null, t)).get();
        QuarterlyUpdateAccepted accepted = new QuarterlyUpdateAccepted(UUID.randomUUID(), "ip-2021-2025", "CPD", "2021-Q4", "CNIPA",
                "cnipa-lead", null, t.plusSeconds(3600));
        kafka.send(Topics.QUARTERLY_UPDATE_EVENTS, "CPD", accepted).get();
        kafka.send(Topics.QUARTERLY_UPDATE_EVENTS, "CPD", accepted).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> locked("ip-2021-2025", "CPD", "2021-Q4"));

        long before = records();
        HttpResponse<String> refused = cpd.postJson(IND_06, "{\"period\":\"2021\",\"value\":7.41,\"comment\":\"年度\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asString()).endsWith("/period-locked");
        assertThat(problem.get("detail").asString()).contains("2021-Q4");
        assertThat(records()).as("a refusal records nothing").isEqualTo(before);
        // Validation still comes first: a malformed report is a 400, not a 409.
        assertThat(cpd.postJson(IND_06, "{\"period\":\"2021\"}").statusCode()).isEqualTo(400);
        // Other agencies and other years are untouched.
        assertThat(cpd.postJson(IND_06, "{\"period\":\"2022\",\"value\":7.42}").statusCode()).isEqualTo(202);
        assertThat(jdbc.sql("select count(*) from indicator.quarter_lock_event where event_id = ?")
                .params(accepted.eventId()).query(Long.class).single()).as("applied once").isEqualTo(1);

        kafka.send(Topics.QUARTERLY_UPDATE_EVENTS, "CPD", new QuarterlyUpdateReturned(UUID.randomUUID(), "ip-2021-2025", "CPD",
                "2021-Q4", "CNIPA", "请复核", List.of("IND-06"), "cnipa-lead", null, t.plusSeconds(7200))).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> !locked("ip-2021-2025", "CPD", "2021-Q4"));
        HttpResponse<String> reopened = cpd.postJson(IND_06, "{\"period\":\"2021\",\"value\":7.41}");
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(202);
    }

    /**
     * Two plans of the same years, both with CNIPA's IND-01: the lead agency accepts CNIPA's 2026-Q4 in one of them.
     * Each test plan is this test's own, so no other test's report or closure meets it.
     */
    @Test
    void anAcceptedQuarterClosesTheAgencysValuesInItsPlanOnly() throws Exception {
        String accepting = "ip-2026-2030-east";
        String other = "ip-2026-2030-west";
        publishPlanAs(accepting, TestPlans.secondPlanYaml());
        publishPlanAs(other, TestPlans.secondPlanYaml());
        HttpCalls cnipa = http().withToken(TestTokens.shared().reporter("CNIPA"));
        Instant t = Instant.parse("2027-01-10T02:00:00Z");
        kafka.send(Topics.QUARTERLY_UPDATE_EVENTS, "CNIPA", new QuarterlyUpdateAccepted(UUID.randomUUID(), accepting,
                "CNIPA", "2026-Q4", "CNIPA", "cnipa-lead", null, t)).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> locked(accepting, "CNIPA", "2026-Q4"));

        HttpResponse<String> refused = cnipa.postJson("/api/v1/plans/" + accepting + "/indicators/IND-01/observations",
                "{\"period\":\"2026\",\"value\":15.0}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("type").asString()).endsWith("/period-locked");
        HttpResponse<String> open = cnipa.postJson("/api/v1/plans/" + other + "/indicators/IND-01/observations",
                "{\"period\":\"2026\",\"value\":15.0}");
        assertThat(open.statusCode()).as(open.body()).isEqualTo(202);
    }

    private boolean locked(String plan, String agency, String quarter) {
        return jdbc.sql("select locked from indicator.quarter_lock where plan = ? and agency = ? and quarter = ?")
                .params(plan, agency, quarter).query(Boolean.class).optional().orElse(false);
    }

    private static long records() {
        return TopicOffsets.endOffsetSum(RealInfrastructure.shared().kafkaBootstrapServers(), Topics.INDICATOR_EVENTS);
    }

    @Test
    void listenersOfPlansQuarterlyUpdatesAndDeadLettersAnswerAtTheFirstEventAndListenersOfReportsReadInBatches(
            @Autowired KafkaListenerEndpointRegistry listeners) {
        ListenerFetch.assertOwnSettingsOnTopicsOfFewEventsOnly(listeners, FewEventsFetch::carriesFewEvents,
                FewEventsFetch.ANSWER_AT_FIRST_EVENT, FewEventsFetch.WAIT_WHEN_IDLE);
    }
}
