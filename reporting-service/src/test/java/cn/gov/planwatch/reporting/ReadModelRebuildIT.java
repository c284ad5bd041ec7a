package cn.gov.planwatch.reporting;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import cn.gov.planwatch.platform.rebuild.RebuildableProjection;
import cn.gov.planwatch.testsupport.CleanReplays;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.ServiceFixture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The national view (folded from three topics) and the record of dead letters are rebuilt from the log: given these
 * events — among them one nothing can read and one the fold refuses, both dead-lettered — when rebuilt, then each
 * equals a clean replay of the log, and an operator's replay of a dead letter is still on record.
 */
class ReadModelRebuildIT extends ServiceFixture {

    /** This test's own plan, so that its facts change no other test's view (the whole log is rebuilt all the same). */
    private static final String PLAN = "ip-rebuild-check";
    /** Columns that say when a row was written, not what the log says. */
    private static final Set<String> WHEN_WRITTEN = Set.of("seq", "updated_at", "last_applied_at");

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    @Qualifier("nationalViewProjection")
    RebuildableProjection nationalView;

    @Autowired
    @Qualifier("deadLettersProjection")
    RebuildableProjection deadLetters;

    @Test
    void givenFactsOfEveryKindAndTwoDeadLettersWhenRebuiltThenTheNationalViewEqualsACleanReplay() throws Exception {
        String unreadable = publishUnreadable();
        ObservationReported refused = ScriptedEvents.observation("IND-05", "CNIPA", "2021-Q9", "10.1",
                "2021-02-01T00:00:00Z"); // no such quarter of a plan in force: the fold cannot order it
        ObservationReported first = ScriptedEvents.observation(PLAN, "IND-05", "CNIPA", "2021", "10.2",
                "2021-02-02T00:00:00Z");
        ObservationReported revised = ScriptedEvents.observation(PLAN, "IND-05", "CNIPA", "2021", "10.4",
                "2021-02-03T00:00:00Z");
        for (PlanEvent event : List.of(refused, first, revised,
                ScriptedEvents.progress(PLAN, "geographical-indications", "gi-demo-zones", "SAMR", "2021-Q1", "ON_TRACK",
                        25, "12", "2021-04-02T00:00:00Z"),
                ScriptedEvents.step(PLAN, 'S', "SAMR", "2021-Q1", "2021-04-05T00:00:00Z"),
                ScriptedEvents.step(PLAN, 'A', "SAMR", "2021-Q1", "2021-04-06T00:00:00Z"))) {
            kafka.send(topicOf(event), event.partitionKey(), event).get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from reporting.dead_letter"
                + " where event_id in (?, ?)").params(unreadable, refused.eventId().toString())
                .query(Long.class).single() == 2
                && jdbc.sql("select count(*) from reporting.quarterly_update_fact where plan = ?"
                + " and agency = 'SAMR' and quarter = '2021-Q1'").params(PLAN).query(Long.class).single() == 2);
        // A read model gone wrong (a bug in an earlier fold, a hand edit): the rebuild sets it right.
        jdbc.sql("delete from reporting.indicator_fact where event_id = ?").params(revised.eventId()).update();
        jdbc.sql("update reporting.view_freshness set events_applied = 0").update();

        JsonNode rebuilt = rebuild("national-view");

        assertThat(rebuilt.get("state").asString()).as(rebuilt.toString()).isEqualTo("SWAPPED");
        assertThat(rebuilt.get("skippedDeadLettered").asLong()).as("the two dead letters").isGreaterThanOrEqualTo(2);
        assertLiveEqualsCleanReplay(nationalView, WHEN_WRITTEN);
        assertThat(jdbc.sql("select value from reporting.indicator_fact where event_id = ?")
                .params(revised.eventId()).query(String.class).single()).isEqualTo("10.4");
    }

    @Test
    void givenAReplayedDeadLetterWhenTheDeadLettersAreRebuiltThenItIsStillMarkedReplayed() throws Exception {
        String unreadable = publishUnreadable();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from reporting.dead_letter"
                + " where event_id = ?").params(unreadable).query(Long.class).single() == 1);
        // What an operator's replay leaves: the mark is the operator's, not the log's.
        jdbc.sql("update reporting.dead_letter set state = 'REPLAYED', replayed_at = now(),"
                + " replayed_by = 'cnipa-operator' where event_id = ?").params(unreadable).update();
        jdbc.sql("delete from reporting.dead_letter where event_id <> ?").params(unreadable).update();

        JsonNode rebuilt = rebuild("dead-letters");

        assertThat(rebuilt.get("state").asString()).as(rebuilt.toString()).isEqualTo("SWAPPED");
        assertThat(jdbc.sql("select state || ' ' || replayed_by from reporting.dead_letter where event_id = ?")
                .params(unreadable).query(String.class).single()).isEqualTo("REPLAYED cnipa-operator");
        assertThat(jdbc.sql("select count(*) from reporting.dead_letter where state = 'REPLAYED'")
                .query(Long.class).single()).as("only what an operator replayed").isEqualTo(1);
        assertLiveEqualsCleanReplay(deadLetters, Set.of("state", "replayed_at", "replayed_by"));
    }

    /** A record on the indicator topic that no reader can decode; the national view's projector dead-letters it. */
    private static String publishUnreadable() throws Exception {
        String id = UUID.randomUUID().toString();
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.shared().kafkaBootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INDICATOR_EVENTS, null, "IND-05",
                    "{\"eventId\": 坏 \u0001".getBytes(StandardCharsets.UTF_8), List.of(
                    new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)),
                    new RecordHeader("ce_id", id.getBytes(StandardCharsets.UTF_8)),
                    new RecordHeader("ce_type", "cn.gov.planwatch.indicator.ObservationReported.v2"
                            .getBytes(StandardCharsets.UTF_8))))).get();
        }
        return id;
    }

    private static String topicOf(PlanEvent event) {
        return switch (event.getClass().getSimpleName()) {
            case "ObservationReported" -> Topics.INDICATOR_EVENTS;
            case "ProgressReported" -> Topics.PROGRAMME_EVENTS;
            default -> Topics.QUARTERLY_UPDATE_EVENTS;
        };
    }

    private void assertLiveEqualsCleanReplay(RebuildableProjection projection, Set<String> ignored) {
        CleanReplays.assertLiveEqualsCleanReplay(jdbc, transactions, "reporting", projection.tables(),
                projection.topics(), (record, suffix) -> projection.apply().apply(record,
                        new ProjectionTables("reporting", suffix)), ignored);
    }
}
