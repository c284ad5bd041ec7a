package cn.gov.planwatch.indicator;

import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import cn.gov.planwatch.platform.rebuild.RebuildableProjection;
import cn.gov.planwatch.testsupport.CleanReplays;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.Set;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanDocumentFormat;
import cn.gov.planwatch.catalogue.PlanDocuments;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.plan.PlanClosed;
import cn.gov.planwatch.contracts.plan.PlanPublished;
import cn.gov.planwatch.testsupport.ServiceFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * What the integration tests of this service set up besides the running service: plans published and closed on the
 * plan topic, as programme-service writes them, and folded here before the test goes on.
 */
public abstract class IndicatorServiceFixture extends ServiceFixture {

    @Autowired
    protected KafkaTemplate<String, PlanEvent> kafka;

    @Autowired
    private TransactionTemplate fixtureTransactions;

    /** Asserts that the projection's live tables hold what its topics replayed from offset 0 give. */
    protected void assertLiveEqualsCleanReplay(RebuildableProjection projection, String... ignoredColumns) {
        CleanReplays.assertLiveEqualsCleanReplay(jdbc, fixtureTransactions, "indicator", projection.tables(),
                projection.topics(), (record, suffix) -> projection.apply().apply(record,
                        new ProjectionTables("indicator", suffix)), Set.of(ignoredColumns));
    }

    /**
     * Publishes the plan document (the catalogue's YAML) under its own id. The event id follows from the plan and
     * version, so tests that publish the same plan publish one event, folded once.
     */
    protected PlanPublished publishPlan(String yaml) {
        return publishPlan(parse(yaml));
    }

    /** As {@link #publishPlan(String)}, for a document at hand (e.g. the plan this service is configured with). */
    protected PlanPublished publishPlan(PlanCatalogue document) {
        return publish(PlanDocuments.toJsonTree(document));
    }

    /** Publishes a copy of the plan document under another id, for a test that must have a plan of its own. */
    protected PlanPublished publishPlanAs(String plan, String yaml) {
        JsonNode document = PlanDocuments.toJsonTree(parse(yaml));
        ((ObjectNode) document.get("plan")).put("id", plan);
        return publish(document);
    }

    /** Closes the plan, as its lead agency does, and waits until this service knows it closed. */
    protected PlanClosed closePlan(String plan) throws Exception {
        PlanClosed closed = new PlanClosed(UUID.randomUUID(), plan, "规划期满，终期评估完成", "cnipa-portal", null,
                Instant.now(), "cnipa-lead");
        kafka.send(Topics.PLAN_EVENTS, plan, closed).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select exists (select 1 from indicator.plan_closure where plan = ?)").params(plan)
                .query(Boolean.class).single());
        return closed;
    }

    private PlanPublished publish(JsonNode document) {
        String plan = document.get("plan").get("id").asString();
        int version = document.get("plan").get("version").asInt();
        UUID eventId = UUID.nameUUIDFromBytes((plan + "/v" + version).getBytes(StandardCharsets.UTF_8));
        PlanPublished published = new PlanPublished(eventId, plan, version, document, "cnipa-portal", null,
                Instant.now(), "cnipa-lead");
        try {
            kafka.send(Topics.PLAN_EVENTS, plan, published).get();
        } catch (Exception e) {
            throw new IllegalStateException("the plan topic did not take " + plan, e);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select exists (select 1 from indicator.plan_document where event_id = ?)").params(eventId)
                .query(Boolean.class).single());
        return published;
    }

    private static PlanCatalogue parse(String yaml) {
        return PlanDocuments.parse(yaml.getBytes(StandardCharsets.UTF_8), PlanDocumentFormat.YAML);
    }
}
