package cn.gov.planwatch.indicator.plan;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanDocuments;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.plan.PlanPublished;
import cn.gov.planwatch.indicator.IndicatorServiceFixture;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.TestPlans;
import cn.gov.planwatch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A plan published on the plan topic has its own indicators here: the same code in two plans names each plan's own
 * definition, and the shipped plan's stand as they were. A plan's first version counts before it was published: a plan
 * published late still covers its years.
 */
class PlanIndicatorsIT extends IndicatorServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECOND = "ip-demo-2026-2030";

    @Autowired
    PlanCatalogue shipped;

    @Test
    void aSecondPlansIndicatorIsItsOwnAndTheShippedPlansStandsAsItWas() throws Exception {
        HttpCalls reader = http().withToken(TestTokens.shared().reporter("MOE"));
        JsonNode shippedInd01 = json(reader.get("/api/v1/plans/ip-2021-2025/indicators/IND-01"), 200);
        assertThat(shippedInd01.get("nameZh").asString()).isEqualTo(shipped.indicator("IND-01").orElseThrow().nameZh());
        assertThat(json(reader.get("/api/v1/plans/ip-2021-2025/indicators"), 200).size())
                .isEqualTo(shipped.indicators().size());

        ObjectNode document = (ObjectNode) PlanDocuments.toJsonTree(shipped);
        ((ObjectNode) document.get("plan")).put("id", SECOND).put("titleZh", "示范规划（2026—2030年）");
        ObjectNode ind01 = (ObjectNode) document.get("indicators").get(0);
        assertThat(ind01.get("code").asString()).isEqualTo("IND-01");
        ind01.put("nameZh", "每万人口高价值发明专利拥有量（新口径）");
        BigDecimal target = ind01.get("target").get("value").decimalValue().add(BigDecimal.ONE);
        ((ObjectNode) ind01.get("target")).put("value", target);
        if (ind01.hasNonNull("increase")) {
            ind01.put("increase", ind01.get("increase").decimalValue().add(BigDecimal.ONE));
        }
        PlanPublished published = new PlanPublished(UUID.randomUUID(), SECOND, shipped.plan().version(), document,
                null, null, Instant.now().minusSeconds(60), "cnipa-lead");
        kafka.send(Topics.PLAN_EVENTS, SECOND, published).get();
        kafka.send(Topics.PLAN_EVENTS, SECOND, published).get();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> reader.get("/api/v1/plans/" + SECOND + "/indicators/IND-01").statusCode() == 200);

        JsonNode secondInd01 = json(reader.get("/api/v1/plans/" + SECOND + "/indicators/IND-01"), 200);
        assertThat(secondInd01.get("nameZh").asString()).isEqualTo("每万人口高价值发明专利拥有量（新口径）");
        assertThat(secondInd01.get("target").get("value").decimalValue()).isEqualByComparingTo(target);
        assertThat(secondInd01.get("latest").isNull()).as("nothing reported to this plan").isTrue();
        assertThat(json(reader.get("/api/v1/plans/" + SECOND + "/indicators"), 200).get(0).get("nameZh").asString())
                .isEqualTo("每万人口高价值发明专利拥有量（新口径）");
        assertThat(jdbc.sql("select count(*) from indicator.plan_document where event_id = ?")
                .params(published.eventId()).query(Long.class).single()).as("kept once").isEqualTo(1);

        for (String path : new String[] {"/api/v1/plans/ip-2021-2025/indicators/IND-01", "/api/v1/indicators/IND-01"}) {
            JsonNode stillShipped = json(reader.get(path), 200);
            assertThat(stillShipped.get("nameZh").asString()).as(path).isEqualTo(shippedInd01.get("nameZh").asString());
            assertThat(stillShipped.get("target")).as(path).isEqualTo(shippedInd01.get("target"));
        }

        String before = "?asOf=" + published.recordedAt().minusSeconds(3600);
        String after = "?asOf=" + published.recordedAt().plusSeconds(1);
        assertThat(json(reader.get("/api/v1/plans/" + SECOND + "/indicators/IND-01" + before), 200)
                .get("nameZh").asString()).as("not yet published then: its first version").isEqualTo(
                        "每万人口高价值发明专利拥有量（新口径）");
        assertThat(json(reader.get("/api/v1/plans/" + SECOND + "/indicators/IND-01" + after), 200)
                .get("nameZh").asString()).isEqualTo("每万人口高价值发明专利拥有量（新口径）");
        assertThat(reader.get("/api/v1/plans/" + SECOND + "/indicators?asOf=yesterday").statusCode()).isEqualTo(400);

        assertThat(reader.get("/api/v1/plans/no-such-plan/indicators").statusCode()).isEqualTo(404);
        assertThat(reader.get("/api/v1/plans/no-such-plan/indicators/IND-01").statusCode()).isEqualTo(404);
        assertThat(reader.get("/api/v1/plans/" + SECOND + "/indicators/IND-99").statusCode()).isEqualTo(404);
    }

    @Test
    void aPlanPublishedLateReadsByItsFirstVersionFromTheStartOfItsFirstYear() {
        HttpCalls reader = http().withToken(TestTokens.shared().reporter("MOE"));
        // As programme-service publishes the shipped plan on a fresh log, years after the plan began.
        publishPlan(shipped);
        publishPlan(TestPlans.secondPlanYaml());

        JsonNode midTerm = json(reader.get("/api/v1/plans/ip-2021-2025/indicators/IND-01?asOf=2023-06-30T00:00:00Z"),
                200);
        assertThat(midTerm.get("nameZh").asString()).isEqualTo(shipped.indicator("IND-01").orElseThrow().nameZh());
        assertThat(json(reader.get("/api/v1/indicators?asOf=2020-12-31T15:59:59Z"), 200).size())
                .as("the unscoped path answers for any instant, as it always has")
                .isEqualTo(shipped.indicators().size());

        assertThat(json(reader.get("/api/v1/plans/" + TestPlans.SECOND_PLAN + "/indicators?asOf=2026-03-01T00:00:00Z"),
                200).size()).isEqualTo(2);
        assertThat(json(reader.get("/api/v1/plans/" + TestPlans.SECOND_PLAN + "/indicators?asOf=2025-12-31T12:00:00Z"),
                200).size()).as("before its publication, the first version counts").isEqualTo(2);
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
