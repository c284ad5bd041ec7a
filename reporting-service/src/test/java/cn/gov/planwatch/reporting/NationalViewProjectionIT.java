package cn.gov.planwatch.reporting;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events from the real log fold into the national view exactly once, live and as of a past instant. */
class NationalViewProjectionIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Autowired
    MeterRegistry meters;

    @Test
    void foldsReportsAndRevisionsOnceAndAnswersAsOfAnInstantBetweenThem() throws Exception {
        HttpCalls anonymous = http();
        HttpCalls http = anonymous.withToken(TestTokens.shared().lead());
        ObservationReported first = report("IND-03", "2022", "2600", "2023-03-01T00:00:00Z");
        ObservationReported revision = report("IND-03", "2022", "2650", "2023-06-01T00:00:00Z");
        double redeliveredBefore = redelivered();
        send(first);
        send(first); // redelivered
        send(revision);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode line = indicator(JSON.readTree(http.get("/api/v1/national-view").body()), "IND-03");
            assertThat(line.path("latest").path("value").toString()).isEqualTo("2650");
            assertThat(line.path("latest").path("revision").asInt()).isEqualTo(2);
        });
        JsonNode live = JSON.readTree(http.get("/api/v1/national-view").body());
        JsonNode line = indicator(live, "IND-03");
        assertThat(line.get("nameZh").asString()).isEqualTo("知识产权质押融资登记金额");
        assertThat(line.get("eventIds").get(0).asString()).isEqualTo(revision.eventId().toString());
        // base 2180 (2020) → 2650 (2022) against 3200 (2025): ratio 0.3 / 0.07998 ≈ 1.23
        assertThat(line.get("progress").get("status").asString()).isEqualTo("SUBSTANTIAL_PROGRESS");
        // Other tests' events share the log: the newest folded is this revision or one recorded after it.
        assertThat(Instant.parse(live.get("freshness").get("newestEventAt").asString()))
                .isAfterOrEqualTo(revision.recordedAt());
        assertThat(jdbc.sql("select count(*) from reporting.indicator_fact where indicator = 'IND-03'")
                .query(Long.class).single()).as("the redelivered event is folded once").isEqualTo(2);
        assertThat(redelivered() - redeliveredBefore).as("the second copy, counted as skipped").isEqualTo(1);

        JsonNode between = JSON.readTree(http.get("/api/v1/national-view?asOf=2023-04-01T00:00:00Z").body());
        assertThat(between.get("asOf").asString()).isEqualTo("2023-04-01T00:00:00Z");
        assertThat(indicator(between, "IND-03").get("latest").get("value").decimalValue())
                .isEqualByComparingTo("2600");
        JsonNode before = JSON.readTree(http.get("/api/v1/national-view?asOf=2023-01-01T00:00:00Z").body());
        assertThat(indicator(before, "IND-03").get("latest").isNull()).isTrue();
        assertThat(indicator(before, "IND-03").get("progress").get("status").asString()).isEqualTo("NOT_AVAILABLE");

        assertThat(http.get("/api/v1/national-view?asOf=yesterday").statusCode()).isEqualTo(400);
        assertThat(live.get("programmes").size()).isEqualTo(10);

        assertThat(anonymous.get("/api/v1/national-view").statusCode()).isEqualTo(401);
        assertThat(anonymous.withToken(TestTokens.shared().reporter("CNIPA")).get("/api/v1/national-view")
                .statusCode()).as("a reporter may not see the national view").isEqualTo(403);
        assertThat(anonymous.withToken(TestTokens.shared().operator()).get("/api/v1/national-view").statusCode())
                .isEqualTo(200);
    }

    private double redelivered() {
        Counter counter = meters.find("planwatch.projection.redelivered").tag("listener", "national-view-indicators")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private void send(ObservationReported event) throws Exception {
        kafka.send(Topics.INDICATOR_EVENTS, event.partitionKey(), event).get();
    }

    private static ObservationReported report(String indicator, String period, String value, String recordedAt) {
        return new ObservationReported(UUID.randomUUID(), "ip-2021-2025", indicator, period, new BigDecimal(value), null, null,
                "CNIPA", "cnipa-reporter", null, Instant.parse(recordedAt), "100m-cny", true);
    }

    private static JsonNode indicator(JsonNode view, String code) {
        for (JsonNode line : view.get("indicators")) {
            if (line.get("code").asString().equals(code)) {
                return line;
            }
        }
        throw new AssertionError(code + " missing from the national view");
    }
}
