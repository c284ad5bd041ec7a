package cn.gov.planwatch.reporting;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.contracts.plan.PlanClosed;
import cn.gov.planwatch.contracts.plan.PlanDocumentEvent;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestPlans;
import cn.gov.planwatch.testsupport.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.planwatch.reporting.ScriptedEvents.observation;
import static cn.gov.planwatch.reporting.ScriptedEvents.planVersion;
import static cn.gov.planwatch.reporting.ScriptedEvents.progress;
import static cn.gov.planwatch.reporting.ScriptedEvents.step;
import static cn.gov.planwatch.testsupport.TestPlans.SECOND_PLAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped plan and a second one, published on the plan topic while the service runs, reported on side by side;
 * the second is amended, then closed, and still reads.
 * Uses IND-01 (period 2021 in the shipped plan, 2026 in the second), the second plan's IND-02, its programme
 * data-ip, and SAMR's 2026-Q3 update in both plans.
 */
class TwoPlansNationalViewIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SHIPPED_VIEW = "/api/v1/national-view";
    private static final String SECOND_VIEW = "/api/v1/plans/" + SECOND_PLAN + "/national-view";

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void eachPlanShowsItsOwnFiguresMeasuredAgainstTheVersionInForceAndAReplayGivesTheSameView() throws Exception {
        ScriptedEvents log = new ScriptedEvents(kafka);
        HttpCalls lead = http().withToken(TestTokens.shared().lead());
        assertThat(lead.get(SECOND_VIEW).statusCode()).as("not published yet").isEqualTo(404);

        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        String publishedAt = start.toString();
        String reportedAt = start.plus(Duration.ofMinutes(10)).toString();
        Instant beforeAmendment = start.plus(Duration.ofMinutes(20));
        String amendedAt = start.plus(Duration.ofMinutes(30)).toString();

        log.send(planVersion(TestPlans.secondPlanYaml(), publishedAt));
        await().atMost(Duration.ofSeconds(15)).until(() -> lead.get(SECOND_VIEW).statusCode() == 200);

        ObservationReported shippedInd01 = log.send(observation("IND-01", "CNIPA", "2021", "6.9", reportedAt));
        ObservationReported secondInd01 = log.send(observation(SECOND_PLAN, "IND-01", "CNIPA", "2026", "15.0",
                reportedAt));
        ObservationReported ind02 = log.send(observation(SECOND_PLAN, "IND-02", "CAC", "2026-Q3", "3.1", reportedAt));
        log.send(progress(SECOND_PLAN, "data-ip", "pilot-provinces", "CNIPA", "2026-Q3", "ON_TRACK", 40, "8",
                reportedAt));
        QuarterlyUpdateEvent shippedSamr = log.send(step('S', "SAMR", "2026-Q3", reportedAt));
        QuarterlyUpdateEvent secondSubmitted = log.send(step(SECOND_PLAN, 'S', "SAMR", "2026-Q3", reportedAt));
        QuarterlyUpdateEvent secondAccepted = log.send(step(SECOND_PLAN, 'A', "SAMR", "2026-Q3",
                start.plus(Duration.ofMinutes(11)).toString()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode view = view(lead, SECOND_VIEW);
            assertThat(line(view, "indicators", "code", "IND-01").path("latest").path("eventId").asString())
                    .isEqualTo(secondInd01.eventId().toString());
            assertThat(line(view, "indicators", "code", "IND-02").path("latest").path("eventId").asString())
                    .isEqualTo(ind02.eventId().toString());
            assertThat(line(view, "programmes", "slug", "data-ip").path("status").asString()).isEqualTo("ON_TRACK");
            assertThat(samrCell(view).path("eventIds").size()).isEqualTo(2);
            assertThat(line(view(lead, SHIPPED_VIEW), "indicators", "code", "IND-01").path("eventIds").toString())
                    .contains(shippedInd01.eventId().toString());
        });

        JsonNode second = view(lead, SECOND_VIEW);
        assertThat(second.get("plan").get("id").asString()).isEqualTo(SECOND_PLAN);
        assertThat(second.get("plan").get("version").asString()).isEqualTo("1");
        assertThat(second.get("plan").get("titleZh").asString()).isEqualTo("“十五五”知识产权保护和运用规划");
        assertThat(second.get("indicators").size()).isEqualTo(2);
        JsonNode secondIndicator = line(second, "indicators", "code", "IND-01");
        assertThat(secondIndicator.get("eventIds").toString()).as("the shipped plan's IND-01 stays in its own plan")
                .isEqualTo("[\"" + secondInd01.eventId() + "\"]");
        assertThat(secondIndicator.get("baseline").get("value").decimalValue()).isEqualByComparingTo("14.6");
        assertThat(secondIndicator.get("target").decimalValue()).isEqualByComparingTo("18");
        String statusBeforeAmendment = secondIndicator.get("progress").get("status").asString();
        assertThat(statusBeforeAmendment).isNotEqualTo("TARGET_ACHIEVED");
        assertThat(secondIndicator.get("provenance").asString())
                .isEqualTo("/api/v1/plans/" + SECOND_PLAN + "/national-view/provenance/indicator:IND-01");
        JsonNode newAgencysIndicator = line(second, "indicators", "code", "IND-02");
        assertThat(newAgencysIndicator.get("unit").asString()).isEqualTo("万件");
        assertThat(newAgencysIndicator.get("latest").get("agency").asString()).isEqualTo("CAC");
        JsonNode dataIp = line(second, "programmes", "slug", "data-ip");
        assertThat(dataIp.get("percentComplete").asInt()).isEqualTo(40);
        assertThat(dataIp.get("milestones").get(0).get("value").decimalValue()).isEqualByComparingTo("8");
        assertThat(samrCell(second).get("eventIds").toString()).as("only the second plan's steps")
                .isEqualTo("[\"" + secondSubmitted.eventId() + "\",\"" + secondAccepted.eventId() + "\"]");
        List<String> owing = new ArrayList<>();
        second.get("compliance").get("agencies").forEach(agency -> owing.add(agency.get("agency").asString()));
        assertThat(owing).as("the second plan's agencies, the one it brings included")
                .containsExactly("CNIPA", "SAMR", "CAC");

        JsonNode shipped = view(lead, SHIPPED_VIEW);
        assertThat(shipped.get("plan").get("id").asString()).isEqualTo("ip-2021-2025");
        JsonNode shippedIndicator = line(shipped, "indicators", "code", "IND-01");
        assertThat(shippedIndicator.get("eventIds").toString()).doesNotContain(secondInd01.eventId().toString());
        assertThat(shippedIndicator.get("series").findValuesAsString("period")).contains("2021")
                .doesNotContain("2026");
        assertThat(shipped.get("programmes").findValuesAsString("slug")).doesNotContain("data-ip");
        assertThat(shipped.get("compliance").toString()).doesNotContain(shippedSamr.eventId().toString())
                .doesNotContain(secondSubmitted.eventId().toString());
        assertThat(view(lead, "/api/v1/plans/ip-2021-2025/national-view").get("indicators"))
                .as("the default plan under its own address").isEqualTo(shipped.get("indicators"));

        JsonNode secondIndicatorProvenance = JSON.readTree(lead.get(secondIndicator.get("provenance").asString())
                .body());
        assertThat(secondIndicatorProvenance.get("events").findValuesAsString("eventId"))
                .containsExactly(secondInd01.eventId().toString());
        assertThat(JSON.readTree(lead.get("/api/v1/plans/" + SECOND_PLAN
                        + "/national-view/provenance/indicator:IND-01/2026").body())
                .get("events").findValuesAsString("eventId")).containsExactly(secondInd01.eventId().toString());
        HttpResponse<String> report = lead.get("/api/v1/plans/" + SECOND_PLAN + "/reports/quarterly/2026-Q3");
        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode quarterly = JSON.readTree(report.body());
        assertThat(quarterly.get("planTitleZh").asString()).isEqualTo("“十五五”知识产权保护和运用规划");
        assertThat(line(quarterly, "compliance", "agency", "SAMR").get("eventIds").asString())
                .isEqualTo(secondSubmitted.eventId() + " " + secondAccepted.eventId());
        assertThat(lead.get("/api/v1/plans/" + SECOND_PLAN + "/reports/quarterly/2025-Q3").statusCode())
                .as("a quarter of the shipped plan only").isEqualTo(404);
        assertThat(lead.get("/api/v1/plans/" + SECOND_PLAN + "/reports/quarterly/2026-Q3", "text/csv").statusCode())
                .isEqualTo(200);

        PlanDocumentEvent amendment = log.send(planVersion(TestPlans.secondPlanYaml(2, "15"), amendedAt));
        await().atMost(Duration.ofSeconds(15)).until(() -> view(lead, SECOND_VIEW).get("plan").get("version")
                .asString().equals("2"));
        JsonNode amended = line(view(lead, SECOND_VIEW), "indicators", "code", "IND-01");
        assertThat(amended.get("target").decimalValue()).isEqualByComparingTo("15");
        assertThat(amended.get("progress").get("status").asString()).isEqualTo("TARGET_ACHIEVED");

        JsonNode asItWas = view(lead, SECOND_VIEW + "?asOf=" + beforeAmendment);
        assertThat(asItWas.get("plan").get("version").asString()).isEqualTo("1");
        JsonNode oldTarget = line(asItWas, "indicators", "code", "IND-01");
        assertThat(oldTarget.get("target").decimalValue()).isEqualByComparingTo("18");
        assertThat(oldTarget.get("progress").get("status").asString()).isEqualTo(statusBeforeAmendment);
        assertThat(oldTarget.get("provenance").asString()).endsWith("indicator:IND-01?asOf=" + beforeAmendment);
        assertThat(view(lead, SECOND_VIEW + "?asOf=" + amendment.recordedAt()).get("plan").get("version").asString())
                .as("in force from the instant recorded").isEqualTo("2");
        assertThat(view(lead, SECOND_VIEW + "?asOf=2026-01-01T00:00:00Z").get("plan").get("version").asString())
                .as("before its publication, the first version counts").isEqualTo("1");
        assertThat(view(lead, SECOND_VIEW + "?asOf=2025-12-31T15:59:59Z").get("indicators").get(0).get("latest")
                .isNull()).as("before the plan's years: the plan, with nothing reported").isTrue();
        assertThat(lead.get("/api/v1/plans/no-such-plan/national-view").statusCode()).isEqualTo(404);
        assertThat(lead.get("/api/v1/plans/no-such-plan/reports/quarterly/2026-Q3").statusCode()).isEqualTo(404);
        assertThat(lead.get("/api/v1/plans/no-such-plan/national-view/provenance/compliance:overall").statusCode())
                .isEqualTo(404);
        assertThat(http().withToken(TestTokens.shared().reporter("CAC")).get(SECOND_VIEW).statusCode())
                .as("a reporter may not see any plan's national view").isEqualTo(403);

        PlanClosed closed = log.send(new PlanClosed(UUID.randomUUID(), SECOND_PLAN, "中期评估后并入新规划",
                "cnipa-lead", null, start.plus(Duration.ofMinutes(40)), "cnipa-lead"));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from reporting.plan_closure where event_id = ?").params(closed.eventId())
                .query(Long.class).single() == 1);
        assertThat(line(view(lead, SECOND_VIEW), "indicators", "code", "IND-01").get("target").decimalValue())
                .as("a closed plan still reads").isEqualByComparingTo("15");

        JsonNode beforeReplay = view(lead, SECOND_VIEW);
        JsonNode shippedBeforeReplay = view(lead, SHIPPED_VIEW);
        replayIntoAFreshReadModel();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(withoutFreshness(view(lead, SECOND_VIEW))).isEqualTo(withoutFreshness(beforeReplay));
            assertThat(withoutFreshness(view(lead, SHIPPED_VIEW))).isEqualTo(withoutFreshness(shippedBeforeReplay));
        });
    }

    /**
     * What a rebuild does: the projections stop, the read model is emptied as a fresh database would be, and every
     * projection reads its topics again from offset 0.
     */
    private void replayIntoAFreshReadModel() throws Exception {
        List<MessageListenerContainer> projections = List.of("national-view-indicators", "national-view-programmes",
                "national-view-quarterly-updates", "reporting-plans").stream()
                .map(listeners::getListenerContainer).toList();
        projections.forEach(MessageListenerContainer::stop);
        jdbc.sql("truncate reporting.indicator_fact, reporting.current_indicator_fact, reporting.progress_fact,"
                + " reporting.current_progress_fact, reporting.programme_standing, reporting.quarterly_update_fact, reporting.quarterly_update_state,"
                + " reporting.plan_version, reporting.plan_closure").update();
        jdbc.sql("update reporting.view_freshness set newest_event_at = null, last_applied_at = null,"
                + " events_applied = 0").update();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.shared().kafkaBootstrapServers()))) {
            rewind(admin, "reporting-service.national-view",
                    List.of(Topics.INDICATOR_EVENTS, Topics.PROGRAMME_EVENTS, Topics.QUARTERLY_UPDATE_EVENTS));
            rewind(admin, "reporting-service.plans", List.of(Topics.PLAN_EVENTS));
        }
        projections.forEach(MessageListenerContainer::start);
    }

    /** A stopped group's members may take a moment to leave it; offsets can be set once it is empty. */
    private static void rewind(Admin admin, String group, List<String> topics) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description
                    .partitions().forEach(p -> start.put(new TopicPartition(topic, p.partition()),
                            new OffsetAndMetadata(0))));
            admin.alterConsumerGroupOffsets(group, start).all().get();
        });
    }

    private static JsonNode withoutFreshness(JsonNode view) {
        ObjectNode copy = (ObjectNode) view.deepCopy();
        copy.remove("freshness");
        copy.remove("asOf");
        return copy;
    }

    private static JsonNode view(HttpCalls lead, String path) {
        HttpResponse<String> response = lead.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode samrCell(JsonNode view) {
        for (JsonNode cell : line(view.get("compliance"), "agencies", "agency", "SAMR").get("quarters")) {
            if (cell.get("quarter").asString().equals("2026-Q3")) {
                return cell;
            }
        }
        throw new AssertionError("SAMR 2026-Q3 missing from " + view.get("plan"));
    }

    private static JsonNode line(JsonNode parent, String list, String field, String value) {
        for (JsonNode line : parent.get(list)) {
            if (line.get(field).asString().equals(value)) {
                return line;
            }
        }
        throw new AssertionError(value + " missing from " + list);
    }
}
