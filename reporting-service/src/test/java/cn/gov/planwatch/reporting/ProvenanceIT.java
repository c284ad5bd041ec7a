package cn.gov.planwatch.reporting;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.gov.planwatch.reporting.NationalViewProgrammesAndComplianceIT.cell;
import static cn.gov.planwatch.reporting.NationalViewProgrammesAndComplianceIT.find;
import static cn.gov.planwatch.reporting.ScriptedEvents.observation;
import static cn.gov.planwatch.reporting.ScriptedEvents.progress;
import static cn.gov.planwatch.reporting.ScriptedEvents.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every figure of the national view resolves to the events behind it. Uses indicator IND-04, programme
 * plant-varieties and NFGA's 2023-Q1 update.
 */
class ProvenanceIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Test
    void everyFigureLinksToTheEventsItWasComputedFrom() {
        ScriptedEvents log = new ScriptedEvents(kafka);
        HttpCalls lead = http().withToken(TestTokens.shared().lead());
        ObservationReported first = log.send(observation("IND-04", "CNIPA", "2021", "3250", "2022-02-01T00:00:00Z"));
        ObservationReported revised = log.send(observation("IND-04", "CNIPA", "2021", "3260", "2022-03-01T00:00:00Z"));
        ObservationReported next = log.send(observation("IND-04", "CNIPA", "2022", "3300", "2023-02-01T00:00:00Z"));
        ProgressReported marketing = log.send(progress("plant-varieties", null, "MARA", "2023-Q1", "ON_TRACK", 30,
                null, "2023-04-03T00:00:00Z"));
        ProgressReported forestry = log.send(progress("plant-varieties", null, "NFGA", "2023-Q1", "AT_RISK", 20,
                null, "2023-04-04T00:00:00Z"));
        QuarterlyUpdateEvent submitted = log.send(step('S', "NFGA", "2023-Q1", "2023-04-05T00:00:00Z"));
        QuarterlyUpdateEvent accepted = log.send(step('A', "NFGA", "2023-Q1", "2023-04-06T00:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("indicator_fact", next.eventId())
                + count("progress_fact", forestry.eventId()) + count("quarterly_update_fact", accepted.eventId()) == 3);

        // The indicator: the current value of each period; one period: every revision, the current one marked.
        JsonNode indicator = provenance(lead, "/api/v1/national-view/provenance/indicator:IND-04");
        assertThat(eventIds(indicator)).containsExactly(revised.eventId(), next.eventId());
        JsonNode revision = indicator.get("events").get(0);
        assertThat(revision.get("agency").asString()).isEqualTo("CNIPA");
        assertThat(revision.get("clientId").asString()).isEqualTo("cnipa-reporter");
        assertThat(revision.get("recordedAt").asString()).isEqualTo("2022-03-01T00:00:00Z");
        assertThat(revision.get("revision").asInt()).isEqualTo(2);
        assertThat(revision.get("value").decimalValue()).isEqualByComparingTo("3260");
        JsonNode period = provenance(lead, "/api/v1/national-view/provenance/indicator:IND-04/2021");
        assertThat(eventIds(period)).containsExactly(first.eventId(), revised.eventId());
        assertThat(period.get("events").get(0).get("current").asBoolean()).isFalse();
        assertThat(period.get("events").get(1).get("current").asBoolean()).isTrue();
        // As known before the revision.
        JsonNode before = provenance(lead,
                "/api/v1/national-view/provenance/indicator:IND-04/2021?asOf=2022-02-15T00:00:00Z");
        assertThat(eventIds(before)).containsExactly(first.eventId());
        assertThat(before.get("asOf").asString()).isEqualTo("2022-02-15T00:00:00Z");

        JsonNode programme = provenance(lead, "/api/v1/national-view/provenance/programme:plant-varieties");
        assertThat(eventIds(programme)).containsExactly(marketing.eventId(), forestry.eventId());
        assertThat(programme.get("events").get(1).get("value").get("status").asString()).isEqualTo("AT_RISK");
        assertThat(programme.get("events").get(1).get("subject").asString())
                .isEqualTo("plant-varieties/2023-Q1/NFGA");

        JsonNode update = provenance(lead, "/api/v1/national-view/provenance/compliance:NFGA/2023-Q1");
        assertThat(eventIds(update)).containsExactly(submitted.eventId(), accepted.eventId());
        assertThat(update.get("events").get(1).get("type").asString()).isEqualTo("QuarterlyUpdateAccepted");
        assertThat(update.get("events").get(1).get("revision").asInt()).isEqualTo(2);

        // Every provenance link of the view, live and as of an earlier instant, answers with exactly the events
        // the figure names.
        for (String asOf : List.of("", "?asOf=2023-04-05T12:00:00Z")) {
            JsonNode view = JSON.readTree(lead.get("/api/v1/national-view" + asOf).body());
            List<JsonNode> figures = new ArrayList<>();
            collectFigures(view, figures);
            assertThat(figures.size()).as("figures with a provenance link").isGreaterThan(150);
            for (JsonNode figure : figures) {
                String href = figure.get("provenance").asString();
                assertThat(href).endsWith(asOf);
                JsonNode answer = provenance(lead, href);
                if (figure.has("eventIds") && !href.contains("provenance/indicator:IND-04/")) {
                    assertThat(new HashSet<>(eventIds(answer))).as(href)
                            .isEqualTo(new HashSet<>(ids(figure.get("eventIds"))));
                }
                if (figure.has("eventId") && !figure.get("eventId").isNull()) {
                    assertThat(eventIds(answer)).as(href).contains(UUID.fromString(figure.get("eventId").asString()));
                }
            }
            // A quarter's rates rest on the events of every update of that quarter.
            JsonNode quarterRates = provenance(lead, find(view.get("compliance").get("byQuarter"), "quarter",
                    "2023-Q1").get("provenance").asString());
            assertThat(eventIds(quarterRates)).containsAll(ids(cell(view.get("compliance"), "NFGA", "2023-Q1")
                    .get("eventIds")));
        }

        for (String unknown : List.of("indicator:IND-99", "programme:no-such", "milestone:plant-varieties/none",
                "compliance:XYZ/2023-Q1", "compliance:NFGA/2030-Q1", "nonsense", "indicator:IND-04/1999")) {
            HttpResponse<String> answer = lead.get("/api/v1/national-view/provenance/" + unknown);
            assertThat(answer.statusCode()).as(unknown).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(http().withToken(TestTokens.shared().reporter("CNIPA"))
                .get("/api/v1/national-view/provenance/indicator:IND-04").statusCode()).isEqualTo(403);
    }

    @Test
    void theProvenanceNamesWhoActedBesideTheClientAndAnOlderEventItsClient() {
        ScriptedEvents log = new ScriptedEvents(kafka);
        HttpCalls lead = http().withToken(TestTokens.shared().lead());
        // Reported by a person through the dashboard's client.
        ObservationReported byPerson = log.send(new ObservationReported(UUID.randomUUID(), "ip-2021-2025", "IND-08", "2019",
                new BigDecimal("41.5"), "人工填报", null, "CNIPA", TestTokens.DASHBOARD_CLIENT, null,
                Instant.parse("2020-02-01T00:00:00Z"), null, false, "sun.hao"));
        // A v1 event, written before anyone but the client was named.
        UUID older = UUID.randomUUID();
        log.sendAsWritten(ObservationReported.V1, "IND-08", older, "{\"eventId\":\"" + older + "\","
                + "\"indicator\":\"IND-08\",\"period\":\"2020\",\"value\":43.2,\"comment\":null,\"source\":null,"
                + "\"agency\":\"CNIPA\",\"clientId\":\"cnipa-reporter\",\"traceId\":null,"
                + "\"recordedAt\":\"2021-02-01T00:00:00Z\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> count("indicator_fact", byPerson.eventId())
                + count("indicator_fact", older) == 2);

        JsonNode indicator = provenance(lead, "/api/v1/national-view/provenance/indicator:IND-08");

        assertThat(eventIds(indicator)).containsExactly(byPerson.eventId(), older);
        JsonNode person = indicator.get("events").get(0);
        assertThat(person.get("clientId").asString()).isEqualTo(TestTokens.DASHBOARD_CLIENT);
        assertThat(person.get("actor").asString()).isEqualTo("sun.hao");
        JsonNode client = indicator.get("events").get(1);
        assertThat(client.get("clientId").asString()).isEqualTo("cnipa-reporter");
        assertThat(client.get("actor").asString()).as("the client acted for itself").isEqualTo("cnipa-reporter");
        // The dashboard's provenance page shows them too, in either language.
        assertThat(lead.get("/dashboard/provenance/indicator:IND-08?lang=zh").body()).contains("操作人", "sun.hao");
        assertThat(lead.get("/dashboard/provenance/indicator:IND-08?lang=en").body()).contains("Acted by", "sun.hao");
    }

    /** Every object of the view that carries a provenance link (the view itself has none). */
    private static void collectFigures(JsonNode node, List<JsonNode> figures) {
        if (node.isObject()) {
            if (node.has("provenance")) {
                figures.add(node);
            }
            node.forEach(child -> collectFigures(child, figures));
        } else if (node.isArray()) {
            node.forEach(child -> collectFigures(child, figures));
        }
    }

    private JsonNode provenance(HttpCalls lead, String href) {
        HttpResponse<String> answer = lead.get(href);
        assertThat(answer.statusCode()).as(href + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private long count(String table, UUID eventId) {
        return jdbc.sql("select count(*) from reporting." + table + " where event_id = ?").params(eventId)
                .query(Long.class).single();
    }

    private static List<UUID> eventIds(JsonNode provenance) {
        List<UUID> ids = new ArrayList<>();
        provenance.get("events").forEach(e -> ids.add(UUID.fromString(e.get("eventId").asString())));
        return ids;
    }

    private static Set<UUID> ids(JsonNode array) {
        Set<UUID> ids = new HashSet<>();
        array.forEach(id -> ids.add(UUID.fromString(id.asString())));
        return ids;
    }
}
