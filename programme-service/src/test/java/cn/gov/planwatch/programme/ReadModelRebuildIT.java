package cn.gov.planwatch.programme;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import cn.gov.planwatch.platform.rebuild.RebuildableProjection;
import cn.gov.planwatch.testsupport.CleanReplays;
import cn.gov.planwatch.testsupport.ServiceFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Programme progress and the quarterly-update ledger are rebuilt from their topics: given these events, when rebuilt,
 * then each equals a clean replay of the log. SAMR's 2020-Q2 is this test's own (no other test uses 2020).
 */
class ReadModelRebuildIT extends ServiceFixture {

    private static final String PLAN = "ip-2021-2025";
    private static final Instant T = Instant.parse("2020-07-03T02:00:00Z");

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    @Qualifier("programmeProgressProjection")
    RebuildableProjection progress;

    @Autowired
    @Qualifier("quarterlyUpdatesProjection")
    RebuildableProjection quarterlyUpdates;

    @Test
    void givenProgressReportsAndRevisionsWhenRebuiltThenTheProgressEqualsACleanReplay() throws Exception {
        for (int percent : List.of(20, 35, 50)) {
            send(Topics.PROGRAMME_EVENTS, "trade-secrets", new ProgressReported(UUID.randomUUID(), PLAN,
                    "trade-secrets", "2020-Q2", "SAMR", "samr-reporter", null, "ON_TRACK", percent, "商业秘密保护 " + percent,
                    null, List.of(new ProgressReported.MeasureStatus("policy", "IN_PROGRESS", "起草中")),
                    List.of(new ProgressReported.MilestoneValue("gi-demo-zones", BigDecimal.valueOf(percent))),
                    T.plusSeconds(percent)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from programme.progress_report"
                + " where agency = 'SAMR' and quarter = '2020-Q2'").query(Long.class).single() == 3);
        // A read model gone wrong (a bug in an earlier fold, a hand edit): the rebuild sets it right.
        jdbc.sql("update programme.progress_report set percent_complete = 0"
                + " where agency = 'SAMR' and quarter = '2020-Q2'").update();
        jdbc.sql("delete from programme.current_progress_report where agency = 'SAMR' and quarter = '2020-Q2'")
                .update();

        JsonNode rebuilt = rebuild("programme-progress");

        assertThat(rebuilt.get("state").asString()).as(rebuilt.toString()).isEqualTo("SWAPPED");
        assertThat(rebuilt.get("replayed").asLong()).isGreaterThanOrEqualTo(3);
        assertLiveEqualsCleanReplay(progress);
        assertThat(jdbc.sql("select r.percent_complete from programme.current_progress_report c"
                + " join programme.progress_report r on r.event_id = c.event_id"
                + " where c.agency = 'SAMR' and c.quarter = '2020-Q2'").query(Integer.class).single())
                .as("the newest report stays the current one").isEqualTo(50);
    }

    @Test
    void givenASubmissionReturnedAndAcceptedWhenRebuiltThenTheLedgerEqualsACleanReplay() throws Exception {
        send(Topics.QUARTERLY_UPDATE_EVENTS, "SAMR", new QuarterlyUpdateSubmitted(UUID.randomUUID(), PLAN, "SAMR",
                "2020-Q2", "samr-reporter", null, T));
        send(Topics.QUARTERLY_UPDATE_EVENTS, "SAMR", new QuarterlyUpdateReturned(UUID.randomUUID(), PLAN, "SAMR",
                "2020-Q2", "CNIPA", "请补充里程碑", List.of("trade-secrets"), "cnipa-lead", null, T.plusSeconds(60)));
        send(Topics.QUARTERLY_UPDATE_EVENTS, "SAMR", new QuarterlyUpdateSubmitted(UUID.randomUUID(), PLAN, "SAMR",
                "2020-Q2", "samr-reporter", null, T.plusSeconds(120)));
        send(Topics.QUARTERLY_UPDATE_EVENTS, "SAMR", new QuarterlyUpdateAccepted(UUID.randomUUID(), PLAN, "SAMR",
                "2020-Q2", "CNIPA", "cnipa-lead", null, T.plusSeconds(180)));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from"
                + " programme.quarterly_update_event where agency = 'SAMR' and quarter = '2020-Q2'")
                .query(Long.class).single() == 4);
        jdbc.sql("delete from programme.quarterly_update where agency = 'SAMR' and quarter = '2020-Q2'").update();

        JsonNode rebuilt = rebuild("quarterly-updates");

        assertThat(rebuilt.get("state").asString()).as(rebuilt.toString()).isEqualTo("SWAPPED");
        assertLiveEqualsCleanReplay(quarterlyUpdates);
        assertThat(jdbc.sql("select state from programme.quarterly_update where agency = 'SAMR' and quarter = '2020-Q2'")
                .query(String.class).single()).isEqualTo("ACCEPTED");
    }

    private void send(String topic, String key, PlanEvent event) throws Exception {
        kafka.send(topic, key, event).get();
    }

    private void assertLiveEqualsCleanReplay(RebuildableProjection projection) {
        CleanReplays.assertLiveEqualsCleanReplay(jdbc, transactions, "programme", projection.tables(),
                projection.topics(), (record, suffix) -> projection.apply().apply(record,
                        new ProjectionTables("programme", suffix)), Set.of("seq", "projected_at"));
    }
}
