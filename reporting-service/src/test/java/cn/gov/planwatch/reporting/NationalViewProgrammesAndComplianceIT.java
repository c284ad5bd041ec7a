package cn.gov.planwatch.reporting;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static cn.gov.planwatch.reporting.ScriptedEvents.progress;
import static cn.gov.planwatch.reporting.ScriptedEvents.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scripted run of programme progress and quarterly updates, folded from the real log into the national view:
 * live and as of three instants between the reports, each checked against a hand-made table.
 * Uses programmes geographical-indications and trade-secrets; updates for 2024-Q2 of SAMR, MARA, PBOC, SASAC,
 * MIIT (and CBIRC's absence). 2024-Q2 ends 2024-06-30T16:00Z; its deadline is 2024-07-15T16:00Z.
 */
class NationalViewProgrammesAndComplianceIT extends ServiceFixture {

    /** Decimals as written (rates have four places), not as doubles. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final String GI = "geographical-indications";
    private static final String ZONES = "gi-demo-zones";

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Test
    void statusesAndRatesMatchHandMadeTablesLiveAndAsOfThreeInstants() {
        ScriptedEvents log = new ScriptedEvents(kafka);
        HttpCalls lead = http().withToken(TestTokens.shared().lead());
        List<UUID> sent = new ArrayList<>();
        // Progress, in the order the log has it.
        ProgressReported giLeadQ1 = log.send(progress(GI, ZONES, "CNIPA", "2024-Q1", "ON_TRACK", 40, "20",
                "2024-04-10T00:00:00Z"));
        ProgressReported giSamrQ1 = log.send(progress(GI, ZONES, "SAMR", "2024-Q1", "AT_RISK", 30, "25",
                "2024-04-11T00:00:00Z"));
        log.send(giSamrQ1); // redelivered: changes nothing
        ProgressReported giLeadQ2 = log.send(progress(GI, ZONES, "CNIPA", "2024-Q2", "ON_TRACK", 50, null,
                "2024-07-05T00:00:00Z"));
        ProgressReported tsLeadQ2 = log.send(progress("trade-secrets", null, "SAMR", "2024-Q2", "ON_TRACK", 55, null,
                "2024-07-04T00:00:00Z"));
        ProgressReported giMaraQ2 = log.send(progress(GI, ZONES, "MARA", "2024-Q2", "DELAYED", 10, null,
                "2024-07-08T00:00:00Z"));
        ProgressReported tsSpcQ2 = log.send(progress("trade-secrets", null, "SPC", "2024-Q2", "NOT_STARTED", 0, null,
                "2024-07-09T00:00:00Z"));
        ProgressReported giSamrQ2 = log.send(progress(GI, ZONES, "SAMR", "2024-Q2", "ON_TRACK", 45, "37",
                "2024-07-21T00:00:00Z"));
        ProgressReported giLeadQ2Revised = log.send(progress(GI, ZONES, "CNIPA", "2024-Q2", "AT_RISK", 48, null,
                "2024-07-22T00:00:00Z"));
        // The quarterly cycle of 2024-Q2.
        for (String script : List.of("S SAMR 2024-07-01", "A SAMR 2024-07-02", "S MARA 2024-07-05",
                "R MARA 2024-07-06", "S PBOC 2024-07-10", "S SASAC 2024-07-20", "S MIIT 2024-07-25",
                "R MIIT 2024-07-26", "S MARA 2024-07-28")) {
            String[] p = script.split(" ");
            sent.add(log.send(step(p[0].charAt(0), p[1], "2024-Q2", p[2] + "T00:00:00Z")).eventId());
        }
        UUID last = sent.get(sent.size() - 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> applied(last) && applied(giLeadQ2Revised.eventId()));

        assertThat(jdbc.sql("select count(*) from reporting.progress_fact where event_id = ?")
                .params(giSamrQ1.eventId()).query(Long.class).single()).as("redelivery folded once").isEqualTo(1);

        // asOf                  programme                status     %    lead quarter  worst participant  zones
        String programmes = """
                2024-07-03T00:00:00Z  geographical-indications  ON_TRACK     40  2024-Q1  SAMR:AT_RISK       25
                2024-07-03T00:00:00Z  trade-secrets             NOT_REPORTED -   -        -                  -
                2024-07-15T16:00:00Z  geographical-indications  ON_TRACK     50  2024-Q2  MARA:DELAYED       25
                2024-07-15T16:00:00Z  trade-secrets             ON_TRACK     55  2024-Q2  SPC:NOT_STARTED    -
                2024-07-27T00:00:00Z  geographical-indications  AT_RISK      48  2024-Q2  MARA:DELAYED       37
                2024-07-27T00:00:00Z  trade-secrets             ON_TRACK     55  2024-Q2  SPC:NOT_STARTED    -
                live                  geographical-indications  AT_RISK      48  2024-Q2  MARA:DELAYED       37
                live                  trade-secrets             ON_TRACK     55  2024-Q2  SPC:NOT_STARTED    -
                """;
        for (String row : programmes.strip().split("\n")) {
            String[] c = row.trim().split("\\s+");
            JsonNode view = view(lead, c[0]);
            JsonNode line = find(view.get("programmes"), "slug", c[1]);
            String what = row.trim();
            assertThat(line.get("status").asString()).as(what).isEqualTo(c[2]);
            assertThat(text(line.get("percentComplete"))).as(what).isEqualTo(c[3]);
            assertThat(text(line.get("quarter"))).as(what).isEqualTo(c[4]);
            JsonNode worst = line.get("worstParticipant");
            assertThat(worst.isNull() ? "-" : worst.get("agency").asString() + ":" + worst.get("status").asString())
                    .as(what).isEqualTo(c[5]);
            assertThat(line.get("worstParticipantStatus").isNull() ? "-" : line.get("worstParticipantStatus")
                    .asString()).as(what).isEqualTo(worst.isNull() ? "-" : worst.get("status").asString());
            if (c[1].equals(GI)) {
                JsonNode zones = find(line.get("milestones"), "code", ZONES);
                assertThat(text(zones.get("value"))).as(what).isEqualTo(c[6]);
            }
        }
        // The events behind the figures, live: the lead's current revision and the worst participant's report.
        JsonNode live = view(lead, "live");
        JsonNode gi = find(live.get("programmes"), "slug", GI);
        assertThat(ids(gi.get("eventIds"))).containsExactly(giLeadQ2Revised.eventId(), giMaraQ2.eventId());
        JsonNode zones = find(gi.get("milestones"), "code", ZONES);
        assertThat(ids(zones.get("eventIds"))).containsExactly(giSamrQ2.eventId());
        assertThat(zones.get("percentOfTarget").decimalValue()).isEqualByComparingTo("37.0");
        assertThat(zones.get("target").decimalValue()).isEqualByComparingTo("100");
        assertThat(gi.get("provenance").asString()).isEqualTo("/api/v1/national-view/provenance/programme:" + GI);
        assertThat(gi.get("titleZh").asString()).contains("地理标志");
        assertThat(ids(find(live.get("programmes"), "slug", "trade-secrets").get("eventIds")))
                .containsExactly(tsLeadQ2.eventId(), tsSpcQ2.eventId());
        assertThat(ids(find(view(lead, "2024-07-15T16:00:00Z").get("programmes"), "slug", GI).get("eventIds")))
                .containsExactly(giLeadQ2.eventId(), giMaraQ2.eventId());
        assertThat(ids(find(view(lead, "2024-07-03T00:00:00Z").get("programmes"), "slug", GI).get("eventIds")))
                .containsExactly(giLeadQ1.eventId(), giSamrQ1.eventId());

        // asOf                  SAMR      MARA              PBOC              SASAC           MIIT      CBIRC    | 2024-Q2 rates
        String compliance = """
                2024-07-03T00:00:00Z  ACCEPTED  DUE               DUE               DUE             DUE       DUE      | 0 0 - 0 0 -
                2024-07-15T16:00:00Z  ACCEPTED  RETURNED          SUBMITTED_ON_TIME OVERDUE         OVERDUE   OVERDUE  | 18 2 0.1111 3 3 1.0000
                2024-07-27T00:00:00Z  ACCEPTED  RETURNED          SUBMITTED_ON_TIME SUBMITTED_LATE  RETURNED  OVERDUE  | 18 3 0.1667 5 3 0.6000
                live                  ACCEPTED  SUBMITTED_ON_TIME SUBMITTED_ON_TIME SUBMITTED_LATE  RETURNED  OVERDUE  | 18 4 0.2222 5 3 0.6000
                """;
        String[] agencies = {"SAMR", "MARA", "PBOC", "SASAC", "MIIT", "CBIRC"};
        for (String row : compliance.strip().split("\n")) {
            String[] halves = row.split("\\|");
            String[] c = halves[0].trim().split("\\s+");
            String[] rates = halves[1].trim().split("\\s+");
            JsonNode view = view(lead, c[0]).get("compliance");
            String what = row.trim();
            for (int i = 0; i < agencies.length; i++) {
                assertThat(cell(view, agencies[i], "2024-Q2").get("state").asString()).as(what + " " + agencies[i])
                        .isEqualTo(c[i + 1]);
            }
            JsonNode quarter = find(view.get("byQuarter"), "quarter", "2024-Q2");
            JsonNode r = quarter.get("rates");
            assertThat(List.of(text(r.get("owed")), text(r.get("reported")), text(r.get("reportingRate")),
                    text(r.get("submitted")), text(r.get("onTime")), text(r.get("onTimeRate"))))
                    .as(what).containsExactly(rates);
            assertThat(quarter.get("states").path("OVERDUE").asInt(0) + quarter.get("states").path("DUE").asInt(0))
                    .as(what + ": the twelve agencies without a step").isGreaterThanOrEqualTo(12);
        }
        // Quarters shown run up to the clock's quarter: 2024-Q3 at the first instant, the plan's last one now.
        assertThat(view(lead, "2024-07-03T00:00:00Z").get("compliance").get("lastQuarter").asString())
                .isEqualTo("2024-Q3");
        JsonNode liveCompliance = live.get("compliance");
        assertThat(liveCompliance.get("lastQuarter").asString()).isEqualTo("2025-Q4");
        assertThat(liveCompliance.get("quarters").size()).isEqualTo(20);
        assertThat(liveCompliance.get("agencies").size()).isEqualTo(18);
        // Per agency: SASAC was late once in the 20 quarters, all past their deadline now.
        JsonNode sasac = find(liveCompliance.get("agencies"), "agency", "SASAC");
        assertThat(sasac.get("nameZh").asString()).isEqualTo("国务院国资委");
        assertThat(text(sasac.get("rates").get("owed"))).isEqualTo("20");
        assertThat(text(sasac.get("rates").get("reportingRate"))).isEqualTo("0.0500");
        assertThat(text(sasac.get("rates").get("onTimeRate"))).isEqualTo("0.0000");
        JsonNode mara = cell(liveCompliance, "MARA", "2024-Q2");
        assertThat(mara.get("eventIds").size()).isEqualTo(3);
        assertThat(mara.get("firstSubmittedAt").asString()).isEqualTo("2024-07-05T00:00:00Z");
        assertThat(mara.get("onTime").asBoolean()).isTrue();
        assertThat(mara.get("provenance").asString())
                .isEqualTo("/api/v1/national-view/provenance/compliance:MARA/2024-Q2");
        assertThat(cell(view(lead, "2024-07-27T00:00:00Z").get("compliance"), "MARA", "2024-Q2").get("provenance")
                .asString()).endsWith("compliance:MARA/2024-Q2?asOf=2024-07-27T00:00:00Z");
    }

    private boolean applied(UUID eventId) {
        return jdbc.sql("""
                select (select count(*) from reporting.progress_fact where event_id = :id)
                     + (select count(*) from reporting.quarterly_update_fact where event_id = :id)
                """).param("id", eventId).query(Long.class).single() == 1;
    }

    private static JsonNode view(HttpCalls lead, String asOf) {
        var answer = lead.get(asOf.equals("live") ? "/api/v1/national-view" : "/api/v1/national-view?asOf=" + asOf);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.get(field).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError(field + " " + value + " missing from " + list);
    }

    static JsonNode cell(JsonNode compliance, String agency, String quarter) {
        return find(find(compliance.get("agencies"), "agency", agency).get("quarters"), "quarter", quarter);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "-" : node.asString();
    }

    private static List<UUID> ids(JsonNode array) {
        List<UUID> ids = new ArrayList<>();
        array.forEach(id -> ids.add(UUID.fromString(id.asString())));
        return ids;
    }
}
