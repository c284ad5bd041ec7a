package cn.gov.planwatch.reporting;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backlog is folded into the national view a polled batch per transaction, each event once and in log order; an
 * event that cannot be folded goes alone to the dead-letter topic, and the events before and after it in its batch
 * are folded; a backlog of programme progress likewise. Uses plan {@code ip-batched-backlog}, which no plan event
 * names: indicator IND-01, period 2024; SAMR's progress on geographical-indications in 2024.
 */
class BatchedProjectionIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLAN = "ip-batched-backlog";
    private static final String LISTENER = "national-view-indicators";
    private static final int EACH_SIDE = 150;

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aBacklogIsFoldedInFewTransactionsAndAnEventThatCannotBeFoldedIsDeadLetteredAlone() {
        ScriptedEvents events = new ScriptedEvents(kafka);
        // PostgreSQL refuses a NUL in text: an event that decodes but cannot be folded.
        ObservationReported poison = ScriptedEvents.observation(PLAN, "IND-01", "CNI\u0000PA", "2024", "1",
                "2025-01-01T00:00:00Z");
        MessageListenerContainer projector = listeners.getListenerContainer(LISTENER);
        projector.stop();
        List<ObservationReported> good = new ArrayList<>();
        try {
            // One key, so one partition, in this order: the backlog a stopped projector finds when it starts.
            IntStream.range(0, 2 * EACH_SIDE).forEach(i -> {
                if (i == EACH_SIDE) {
                    events.send(poison);
                }
                good.add(events.send(ScriptedEvents.observation(PLAN, "IND-01", "CNIPA", "2024",
                        String.valueOf(1000 + i), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i).toString())));
            });
        } finally {
            projector.start();
        }
        UUID[] ids = good.stream().map(ObservationReported::eventId).toArray(UUID[]::new);

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from reporting.indicator_fact where event_id = any(?)").params((Object) ids)
                .query(Long.class).single() == good.size());

        List<UUID> inRevisionOrder = jdbc.sql("select event_id from reporting.indicator_fact"
                        + " where plan = ? and indicator = 'IND-01' and period = '2024' order by revision")
                .params(PLAN).query(UUID.class).list();
        assertThat(inRevisionOrder).as("every good event once, numbered in log order").containsExactly(ids);
        assertThat(jdbc.sql("select event_id, value from reporting.current_indicator_fact"
                        + " where plan = ? and indicator = 'IND-01' and period = '2024'")
                .params(PLAN).query().listOfRows()).as("the newest is the current value")
                .containsExactly(Map.of("event_id", ids[ids.length - 1],
                        "value", new BigDecimal(1000 + 2 * EACH_SIDE - 1)));
        assertThat(jdbc.sql("select count(*) from reporting.indicator_fact where event_id = ?")
                .params(poison.eventId()).query(Long.class).single()).as("nothing of the poison").isZero();

        // The transaction that last wrote each row; one per event would be 300.
        long transactions = jdbc.sql("select count(distinct xmin::text) from reporting.indicator_fact"
                + " where event_id = any(?)").params((Object) ids).query(Long.class).single();
        assertThat(transactions).as("transactions that folded %d events", good.size()).isLessThanOrEqualTo(20);

        HttpCalls operator = http().withToken(TestTokens.shared().operator());
        JsonNode deadLetter = await().atMost(Duration.ofSeconds(30)).until(
                () -> StreamSupport.stream(JSON.readTree(operator.get("/api/v1/ops/dead-letters?limit=200").body())
                                .get("items").spliterator(), false)
                        .filter(line -> poison.eventId().toString().equals(line.path("eventId").asString()))
                        .findFirst().orElse(null),
                line -> line != null);
        assertThat(deadLetter.get("failedGroup").asString()).isEqualTo("reporting-service.national-view");
        assertThat(deadLetter.get("error").get("rootCause").asString()).contains("0x00");
    }

    @Test
    void aBacklogOfProgressRevisionsIsFoldedTogetherEachOnceAndTheNewestIsCurrent() {
        ScriptedEvents events = new ScriptedEvents(kafka);
        MessageListenerContainer projector = listeners.getListenerContainer("national-view-programmes");
        projector.stop();
        List<ProgressReported> revisions = new ArrayList<>();
        ProgressReported otherQuarter;
        try {
            // One report revised three times, its second revision delivered twice (a producer's retry), and another
            // quarter's report between them: the backlog a stopped projector finds when it starts.
            IntStream.range(0, 3).forEach(i -> revisions.add(ScriptedEvents.progress(PLAN, "geographical-indications",
                    "gi-demo-zones", "SAMR", "2024-Q4", "ON_TRACK", 30 + 10 * i, String.valueOf(10 + i),
                    Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i).toString())));
            otherQuarter = ScriptedEvents.progress(PLAN, "geographical-indications", "gi-demo-zones", "SAMR",
                    "2024-Q3", "AT_RISK", 20, "9", "2024-10-01T00:00:00Z");
            for (ProgressReported event : List.of(revisions.get(0), otherQuarter, revisions.get(1), revisions.get(1),
                    revisions.get(2))) {
                events.send(event);
            }
        } finally {
            projector.start();
        }
        UUID[] ids = revisions.stream().map(ProgressReported::eventId).toArray(UUID[]::new);

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from reporting.progress_fact where plan = ?").params(PLAN)
                .query(Long.class).single() == 4);

        assertThat(jdbc.sql("select event_id from reporting.progress_fact where plan = ? and quarter = '2024-Q4'"
                        + " order by revision").params(PLAN).query(UUID.class).list())
                .as("each revision once, numbered in log order").containsExactly(ids);
        assertThat(jdbc.sql("select quarter, event_id, revision from reporting.current_progress_fact"
                        + " where plan = ? order by quarter").params(PLAN).query().listOfRows())
                .as("each report points at its newest revision")
                .containsExactly(Map.of("quarter", "2024-Q3", "event_id", otherQuarter.eventId(), "revision", 1),
                        Map.of("quarter", "2024-Q4", "event_id", ids[2], "revision", 3));
    }
}
