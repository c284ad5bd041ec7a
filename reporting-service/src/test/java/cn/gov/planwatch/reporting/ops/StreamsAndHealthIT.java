package cn.gov.planwatch.reporting.ops;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.platform.eventlog.FewEventsFetch;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ListenerFetch;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
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

/** What operators and orchestrators see of the running service: streams, lag, rates, health, metrics. */
class StreamsAndHealthIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Before any instant NationalViewProjectionIT asks the view about, so the tests can run in any order. */
    private static final Instant RECORDED_AT = Instant.parse("2023-01-15T00:00:00Z");

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Test
    void operatorsSeeEveryTopicEveryGroupWithItsLagAndTheRateAfterTraffic() throws Exception {
        HttpCalls operator = http().withToken(TestTokens.shared().operator());
        ObservationReported last = null;
        for (int i = 0; i < 6; i++) {
            last = report("IND-02", Integer.toString(2021 + i % 4), Integer.toString(5 + i));
            kafka.send(Topics.INDICATOR_EVENTS, last.partitionKey(), last).get();
        }
        UUID lastId = last.eventId();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from reporting.indicator_fact where event_id = ?").params(lastId)
                .query(Long.class).single() == 1);

        // The sampler runs every 5 s: within a few samples the traffic shows as a rate, and the group
        // has committed what it applied.
        JsonNode streams = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(
                () -> JSON.readTree(operator.get("/api/v1/ops/streams").body()),
                s -> topic(s, Topics.INDICATOR_EVENTS).path("eventsPerSecond").asDouble(0) > 0
                        && group(s, "reporting-service.national-view") != null
                        && group(s, "reporting-service.national-view").get("lag").asLong() == 0);

        assertThat(streams.get("rateWindow").get("seconds").asLong()).isEqualTo(60);
        assertThat(streams.get("rateWindow").get("sampleEverySeconds").asDouble()).isEqualTo(5.0);
        assertThat(streams.get("rateWindow").get("coveredSeconds").asDouble()).isPositive();
        for (String name : new String[] {Topics.INDICATOR_EVENTS, Topics.PROGRAMME_EVENTS,
                Topics.QUARTERLY_UPDATE_EVENTS}) {
            JsonNode topic = topic(streams, name);
            assertThat(topic.get("deadLetters").asBoolean()).isFalse();
            assertThat(topic.get("partitions").size()).isEqualTo(3);
            assertThat(topic(streams, Topics.deadLetterTopicOf(name)).get("deadLetters").asBoolean()).isTrue();
        }
        JsonNode indicatorEvents = topic(streams, Topics.INDICATOR_EVENTS);
        assertThat(indicatorEvents.get("endOffsetTotal").asLong()).isGreaterThanOrEqualTo(6);

        JsonNode nationalView = group(streams, "reporting-service.national-view");
        assertThat(nationalView.get("members").asInt()).isPositive();
        assertThat(nationalView.get("state").asString()).isEqualTo("STABLE");
        JsonNode partition = nationalView.get("partitions").get(0);
        assertThat(partition.get("topic").asString()).isEqualTo(Topics.INDICATOR_EVENTS);
        assertThat(partition.get("lag").asLong())
                .isEqualTo(partition.get("endOffset").asLong() - partition.get("committedOffset").asLong());
        JsonNode deadLetters = group(streams, "reporting-service.dead-letters");
        assertThat(deadLetters).as("the dead-letter listener's group").isNotNull();
        assertThat(deadLetters.get("partitions").findValuesAsString("topic"))
                .allMatch(topic -> topic.endsWith(".dlt"));

        // A dashboard polling fast is answered from the cache, not the broker.
        String asOf = JSON.readTree(operator.get("/api/v1/ops/streams").body()).get("asOf").asString();
        String again = JSON.readTree(operator.get("/api/v1/ops/streams").body()).get("asOf").asString();
        assertThat(Duration.between(Instant.parse(asOf), Instant.parse(again))).isLessThan(Duration.ofSeconds(2));

        assertThat(http().withToken(TestTokens.shared().lead()).get("/api/v1/ops/streams").statusCode())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/ops/streams").statusCode()).isEqualTo(401);
    }

    @Test
    void readinessCoversTheBrokerAndTheDatabaseAndLivenessNeither() {
        HttpResponse<String> readiness = http().get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        JsonNode ready = JSON.readTree(readiness.body());
        assertThat(ready.get("status").asString()).isEqualTo("UP");
        assertThat(ready.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(ready.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(ready.get("components").get("kafka").has("details")).as("details stay private").isFalse();

        JsonNode live = JSON.readTree(http().get("/actuator/health/liveness").body());
        assertThat(live.get("status").asString()).isEqualTo("UP");
        assertThat(live.has("components")).isFalse();
    }

    @Test
    void prometheusShowsProjectionLagAndDeadLetters() throws Exception {
        ObservationReported event = report("IND-02", "2025", "9");
        kafka.send(Topics.INDICATOR_EVENTS, event.partitionKey(), event).get();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = http().withToken(TestTokens.shared().operator()).get("/actuator/prometheus").body();
            assertThat(metrics).contains("planwatch_projection_lag_seconds{listener=\"national-view-indicators\"")
                    .contains("planwatch_dead_letters{state=\"NEW\"")
                    .contains("planwatch_dead_letters{state=\"REPLAYED\"");
        });
    }

    private static ObservationReported report(String indicator, String period, String value) {
        return new ObservationReported(UUID.randomUUID(), "ip-2021-2025", indicator, period, new BigDecimal(value), null, null,
                "CNIPA", "cnipa-reporter", null, RECORDED_AT, "10k-patents", true);
    }

    private static JsonNode topic(JsonNode streams, String name) {
        for (JsonNode topic : streams.get("topics")) {
            if (topic.get("name").asString().equals(name)) {
                return topic;
            }
        }
        throw new AssertionError(name + " missing from " + streams);
    }

    private static JsonNode group(JsonNode streams, String groupId) {
        for (JsonNode group : streams.get("consumerGroups")) {
            if (group.get("groupId").asString().equals(groupId)) {
                return group;
            }
        }
        return null;
    }

    @Test
    void listenersOfPlansQuarterlyUpdatesAndDeadLettersAnswerAtTheFirstEventAndListenersOfReportsReadInBatches(
            @Autowired KafkaListenerEndpointRegistry listeners) {
        ListenerFetch.assertOwnSettingsOnTopicsOfFewEventsOnly(listeners, FewEventsFetch::carriesFewEvents,
                FewEventsFetch.ANSWER_AT_FIRST_EVENT, FewEventsFetch.WAIT_WHEN_IDLE);
    }
}
