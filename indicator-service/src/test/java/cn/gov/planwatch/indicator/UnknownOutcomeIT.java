package cn.gov.planwatch.indicator;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;
import cn.gov.planwatch.platform.eventlog.EventClaim;
import cn.gov.planwatch.platform.eventlog.EventLog;
import cn.gov.planwatch.platform.problem.ProblemException;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.PlanwatchIntegrationTest;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A write whose outcome is unknown — the log did not confirm it (504), or the service died while answering —
 * is settled by a resend under the same Idempotency-Key: the report ends up in the log and the read model
 * exactly once, whether or not the first attempt reached the log. The broker and the database are real; only
 * the acknowledgement is lost, as when a broker dies between writing a record and answering for it.
 */
@PlanwatchIntegrationTest
class UnknownOutcomeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/api/v1/indicators/IND-05/observations";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AcknowledgementLosingEventLog eventLog;

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    HttpCalls cnipa;
    String bootstrap;

    @BeforeEach
    void connect() {
        cnipa = new HttpCalls("http://localhost:" + port).withToken(TestTokens.shared().reporter("CNIPA"));
        bootstrap = RealInfrastructure.shared().kafkaBootstrapServers();
    }

    @Test
    void aResendAfterAnUnconfirmedRecordThatReachedTheLogRecordsItOnce() {
        String key = "cnipa-landed-" + UUID.randomUUID();
        String body = report(key);
        long before = records();

        eventLog.next.set(Fault.ACKNOWLEDGEMENT_LOST);
        HttpResponse<String> first = cnipa.withHeader("Idempotency-Key", key).postJson(PATH, body);
        assertUnconfirmed(first);
        assertThat(records()).as("the first attempt is in the log all the same").isEqualTo(before + 1);

        // The client resends later, once the first attempt is in the read model (were it not yet, the resend would
        // append the same event id again, which the projectors fold once: the fault suite sees both cases).
        UUID claimed = jdbc.sql("select event_id from indicator.idempotency_record where key = ?").params(key)
                .query(UUID.class).single();
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from indicator.observation where event_id = ?").params(claimed).query(Long.class)
                .single() == 1);
        HttpResponse<String> resend = cnipa.withHeader("Idempotency-Key", key).postJson(PATH, body);
        assertThat(resend.statusCode()).as(resend.body()).isEqualTo(202);
        UUID eventId = UUID.fromString(JSON.readTree(resend.body()).get("eventId").asString());
        assertThat(eventId).isEqualTo(claimed);
        assertThat(records()).as("the resend finds its report recorded and appends nothing").isEqualTo(before + 1);

        HttpResponse<String> again = cnipa.withHeader("Idempotency-Key", key).postJson(PATH, body);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(JSON.readTree(again.body()).get("eventId").asString()).isEqualTo(eventId.toString());
        assertThat(records()).isEqualTo(before + 1);

        assertRecordedOnce(key, eventId);
    }

    @Test
    void aResendAfterAnUnconfirmedRecordThatNeverArrivedRecordsItOnce() {
        String key = "cnipa-lost-" + UUID.randomUUID();
        String body = report(key);
        long before = records();

        eventLog.next.set(Fault.RECORD_LOST);
        assertUnconfirmed(cnipa.withHeader("Idempotency-Key", key).postJson(PATH, body));
        assertThat(records()).isEqualTo(before);

        HttpResponse<String> resend = cnipa.withHeader("Idempotency-Key", key).postJson(PATH, body);
        assertThat(resend.statusCode()).as(resend.body()).isEqualTo(202);
        assertThat(records()).isEqualTo(before + 1);
        assertRecordedOnce(key, UUID.fromString(JSON.readTree(resend.body()).get("eventId").asString()));
    }

    @Test
    void aClaimLeftBehindByAServiceThatDiedIsSettledOnceItCanNoLongerBeInFlight() {
        String key = "cnipa-died-" + UUID.randomUUID();
        String body = report(key);
        eventLog.next.set(Fault.ACKNOWLEDGEMENT_LOST);
        assertUnconfirmed(cnipa.withHeader("Idempotency-Key", key).postJson(PATH, body));
        // What a service killed between appending and answering leaves behind: its claim, still in flight.
        jdbc.sql("update indicator.idempotency_record set state = 'PENDING', claimed_at = now() where key = ?")
                .params(key).update();

        HttpResponse<String> tooSoon = cnipa.withHeader("Idempotency-Key", key).postJson(PATH, body);
        assertThat(tooSoon.statusCode()).as(tooSoon.body()).isEqualTo(409);
        assertThat(tooSoon.headers().firstValue("Retry-After")).isPresent();

        jdbc.sql("update indicator.idempotency_record set claimed_at = now() - interval '3 minutes' where key = ?")
                .params(key).update();
        HttpResponse<String> later = cnipa.withHeader("Idempotency-Key", key).postJson(PATH, body);
        assertThat(later.statusCode()).as(later.body()).isEqualTo(202);
        assertRecordedOnce(key, UUID.fromString(JSON.readTree(later.body()).get("eventId").asString()));
    }

    @Test
    void aResendAfterTheLeadAcceptedTheQuarterIsAnsweredAsRecordedWhenTheFirstAttemptLanded() throws Exception {
        String key = "cnipa-locked-" + UUID.randomUUID();
        String body = "{\"period\":\"2021\",\"value\":41.5,\"comment\":\"" + key + "\"}";
        eventLog.next.set(Fault.ACKNOWLEDGEMENT_LOST);
        assertUnconfirmed(cnipa.withHeader("Idempotency-Key", key).postJson(PATH, body));
        UUID first = jdbc.sql("select event_id from indicator.idempotency_record where key = ?").params(key)
                .query(UUID.class).single();
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from indicator.observation where event_id = ?").params(first).query(Long.class)
                .single() == 1);
        // Meanwhile CNIPA submits 2021-Q4 and the lead accepts it: CNIPA's 2021 values are closed.
        Instant t = Instant.parse("2022-01-20T02:00:00Z");
        kafka.send(Topics.QUARTERLY_UPDATE_EVENTS, "CNIPA", new QuarterlyUpdateSubmitted(UUID.randomUUID(), "ip-2021-2025", "CNIPA",
                "2021-Q4", "cnipa-reporter", null, t)).get();
        kafka.send(Topics.QUARTERLY_UPDATE_EVENTS, "CNIPA", new QuarterlyUpdateAccepted(UUID.randomUUID(), "ip-2021-2025", "CNIPA",
                "2021-Q4", "CNIPA", "cnipa-lead", null, t.plusSeconds(60))).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> locked("CNIPA", "2021-Q4"));
        try {
            long before = records();
            HttpResponse<String> resend = cnipa.withHeader("Idempotency-Key", key).postJson(PATH, body);
            assertThat(resend.statusCode()).as(resend.body()).isEqualTo(202);
            assertThat(JSON.readTree(resend.body()).get("eventId").asString()).isEqualTo(first.toString());
            assertThat(records()).as("nothing appended again").isEqualTo(before);
            HttpResponse<String> fresh = cnipa.postJson(PATH, body);
            assertThat(fresh.statusCode()).as("a new report for the closed year").isEqualTo(409);
        } finally {
            // Reopened, so that no other test finds CNIPA's 2021 closed.
            kafka.send(Topics.QUARTERLY_UPDATE_EVENTS, "CNIPA", new QuarterlyUpdateReturned(UUID.randomUUID(), "ip-2021-2025",
                    "CNIPA", "2021-Q4", "CNIPA", "复核", List.of("IND-05"), "cnipa-lead", null, t.plusSeconds(120)))
                    .get();
            await().atMost(Duration.ofSeconds(20)).until(() -> !locked("CNIPA", "2021-Q4"));
        }
    }

    private boolean locked(String agency, String quarter) {
        return jdbc.sql("select locked from indicator.quarter_lock where plan = 'ip-2021-2025' and agency = ? and quarter = ?")
                .params(agency, quarter).query(Boolean.class).optional().orElse(false);
    }

    @Test
    void aRefusalStillGivesTheKeyBackForTheCorrectedRequest() {
        String key = "cnipa-refused-" + UUID.randomUUID();
        HttpResponse<String> refused = cnipa.withHeader("Idempotency-Key", key)
                .postJson(PATH, "{\"period\":\"2024\",\"value\":101}");
        assertThat(refused.statusCode()).isEqualTo(422);
        HttpResponse<String> corrected = cnipa.withHeader("Idempotency-Key", key).postJson(PATH, report(key));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(202);
    }

    private void assertRecordedOnce(String key, UUID eventId) {
        TopicOffsets.awaitConsumed(bootstrap, Topics.INDICATOR_EVENTS, groupId, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(jdbc.sql(
                        "select event_id from indicator.observation where comment = ?").params(key)
                .query(UUID.class).list()).as("rows of the report in the read model").containsExactly(eventId));
    }

    private static void assertUnconfirmed(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(504);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("type").asString()).endsWith("/event-log-unconfirmed");
        assertThat(problem.get("detail").asString()).contains("same Idempotency-Key");
    }

    private long records() {
        return TopicOffsets.endOffsetSum(bootstrap, Topics.INDICATOR_EVENTS);
    }

    /** The key doubles as the report's comment, so that its rows can be counted. */
    private static String report(String key) {
        return "{\"period\":\"2024\",\"value\":47.5,\"comment\":\"" + key + "\",\"source\":\"年报\"}";
    }

    enum Fault {
        NONE, ACKNOWLEDGEMENT_LOST, RECORD_LOST
    }

    /** The real event log, except that the next append can lose its acknowledgement, or its record. */
    static class AcknowledgementLosingEventLog extends EventLog {

        final AtomicReference<Fault> next = new AtomicReference<>(Fault.NONE);

        AcknowledgementLosingEventLog(KafkaTemplate<String, PlanEvent> template, MeterRegistry meters) {
            super(template, meters);
        }

        @Override
        public <E extends PlanEvent> E append(EventClaim claim, E event) {
            switch (next.getAndSet(Fault.NONE)) {
                case NONE -> {
                    return super.append(claim, event);
                }
                case ACKNOWLEDGEMENT_LOST -> {
                    super.append(claim, event);
                    throw unconfirmed();
                }
                default -> throw unconfirmed();
            }
        }

        private static ProblemException unconfirmed() {
            return Problems.eventLogUnconfirmed(
                    "The event log did not confirm the report in time: it may or may not have been recorded. Send it"
                            + " again with the same Idempotency-Key to have it recorded once.");
        }
    }

    @TestConfiguration
    static class Faults {

        @Bean
        @Primary
        AcknowledgementLosingEventLog acknowledgementLosingEventLog(KafkaTemplate<String, PlanEvent> template,
                MeterRegistry meters) {
            return new AcknowledgementLosingEventLog(template, meters);
        }
    }
}
