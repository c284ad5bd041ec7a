package cn.gov.planwatch.programme.plan;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanDocumentFormat;
import cn.gov.planwatch.catalogue.PlanDocuments;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static cn.gov.planwatch.programme.ApiAnswers.json;
import static cn.gov.planwatch.programme.ApiAnswers.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plans published, amended and closed over HTTP, on the real log and database: a second plan beside the shipped
 * one, every problem of an invalid document listed with nothing recorded, version conflicts, amendments, and the
 * plan's lead agency alone closing it; the agencies a later plan brings listed after the shipped plan's.
 */
class PlanPublicationIT extends ServiceFixture {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final String YAML = "application/yaml";

    @Autowired
    PlanRegistry registry;

    @Autowired
    PlanCatalogue shippedPlan;

    HttpCalls lead;

    @BeforeEach
    void connect() {
        lead = http().withToken(TOKENS.lead());
    }

    @Test
    void aSecondPlanReusingAnIndicatorCodeAndNamingANewAgencyIsPublishedAndListed() {
        String plan = newPlanId();

        JsonNode accepted = json(lead.put("/api/v1/plans/" + plan, YAML, document(plan, 1, "15")), 202);

        assertThat(accepted.get("plan").asString()).isEqualTo(plan);
        assertThat(accepted.get("version").asInt()).isEqualTo(1);
        assertThat(accepted.get("status").asString()).isEqualTo("PUBLISHED");
        JsonNode listed = await().atMost(Duration.ofSeconds(10)).until(() -> listed(plan), entry -> entry != null);
        assertThat(listed.get("titleZh").asString()).isEqualTo("“十五五”知识产权强国建设规划");
        assertThat(listed.get("leadAgency").asString()).isEqualTo("CNIPA");
        assertThat(listed.get("state").asString()).isEqualTo("ACTIVE");
        JsonNode detail = json(http().withToken(TOKENS.reporter("SAMR")).get("/api/v1/plans/" + plan), 200);
        assertThat(detail.at("/document/agencies/1/code").asString()).isEqualTo("NDRC");
        assertThat(detail.at("/document/indicators/0/code").asString()).isEqualTo("IND-01");
        assertThat(detail.at("/versions/0/eventId").asString()).isEqualTo(accepted.get("eventId").asString());
    }

    @Test
    void anAgencyALaterPlanBringsIsListedOnceAfterTheShippedPlansEighteen() {
        String plan = newPlanId();
        String newAgency = "NDA-" + plan.substring(4, 8).toUpperCase();
        HttpCalls reporter = http().withToken(TOKENS.reporter("MARA"));
        List<JsonNode> before = agencies(reporter);
        assertThat(before.subList(0, 18)).extracting(agency -> agency.get("code").asString())
                .containsExactlyElementsOf(shippedPlan.agencies().stream().map(Agency::code).toList());

        json(lead.put("/api/v1/plans/" + plan, YAML, document(plan, 1, "15").replace("NDRC", newAgency)
                .replace("国家发展改革委", "国家数据局").replace("National Development and Reform Commission",
                        "National Data Administration")), 202);

        List<JsonNode> after = await().atMost(Duration.ofSeconds(10)).until(() -> agencies(reporter),
                listed -> listed.stream().anyMatch(agency -> agency.get("code").asString().equals(newAgency)));
        assertThat(after.subList(0, 18)).extracting(agency -> agency.get("nameZh").asString())
                .containsExactlyElementsOf(shippedPlan.agencies().stream().map(Agency::nameZh).toList());
        assertThat(after).filteredOn(agency -> agency.get("code").asString().equals(newAgency)).hasSize(1);
        assertThat(after).extracting(agency -> agency.get("code").asString()).doesNotHaveDuplicates()
                .containsSubsequence(before.stream().map(agency -> agency.get("code").asString()).toList())
                .endsWith(newAgency);
        JsonNode added = json(reporter.get("/api/v1/agencies/" + newAgency), 200);
        assertThat(added.get("nameZh").asString()).isEqualTo("国家数据局");
        assertThat(StreamSupport.stream(added.get("plans").spliterator(), false).map(JsonNode::asString))
                .containsExactly(plan);
        JsonNode cnipa = json(reporter.get("/api/v1/agencies/CNIPA"), 200);
        assertThat(cnipa.get("nameZh").asString()).isEqualTo("国家知识产权局");
        assertThat(StreamSupport.stream(cnipa.get("plans").spliterator(), false).map(JsonNode::asString))
                .startsWith("ip-2021-2025").contains(plan);
        assertThat(json(reporter.get("/api/v1/agencies/SPC"), 200).get("nameEn").asString())
                .isEqualTo("Supreme People's Court");
        problem(reporter.get("/api/v1/agencies/NOPE"), 404, null);
    }

    @Test
    void anInvalidPlanIsRefusedWithEveryProblemAndNothingIsRecorded() {
        String plan = newPlanId();
        long before = planEvents();
        // An unknown lead agency, an increase that is not target − baseline, and a second IND-01 aimed past 2030.
        String invalid = document(plan, 1, "15")
                .replace("  leadAgency: CNIPA\nagencies:", "  leadAgency: NOPE\nagencies:")
                .replace("    increase: 3\n", "    increase: 4\n")
                .replace("programmes:\n", """
                          - code: IND-01
                            number: 2
                            nameZh: 海外发明专利授权量
                            nameEn: Invention patents granted abroad
                            unit: {code: patents, symbolZh: 件, nameEn: patents, kind: COUNT}
                            target: {year: 2031, value: 9000}
                            attribute: EXPECTED
                            direction: 1
                            responsibleAgency: CNIPA
                            frequency: ANNUAL
                            bounds: {min: 0, max: null}
                        programmes:
                        """);

        JsonNode refused = problem(lead.put("/api/v1/plans/" + plan, YAML, invalid), 422, null);

        assertThat(refused.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("plan.leadAgency",
                "indicators[0].increase", "indicators[1].code", "indicators[1].target.year");
        assertThat(refused.get("errors").findValuesAsString("message")).allSatisfy(
                message -> assertThat(message).startsWith("line "));
        assertThat(planEvents()).isEqualTo(before);
        problem(lead.get("/api/v1/plans/" + plan), 404, null);
    }

    @Test
    void theSameVersionWithOtherContentConflictsAndAHigherVersionAmends() {
        String plan = newPlanId();
        JsonNode published = json(lead.put("/api/v1/plans/" + plan, YAML, document(plan, 1, "15")), 202);

        JsonNode again = json(lead.put("/api/v1/plans/" + plan, YAML, document(plan, 1, "15")), 200);
        assertThat(again.get("eventId").asString()).isEqualTo(published.get("eventId").asString());
        assertThat(problem(lead.put("/api/v1/plans/" + plan, YAML, document(plan, 1, "16")), 409, null)
                .get("type").asString()).endsWith("/plan-version-conflict");

        Instant beforeTheAmendment = Instant.now();
        JsonNode amended = json(lead.put("/api/v1/plans/" + plan, YAML, document(plan, 2, "16")), 202);
        assertThat(amended.get("status").asString()).isEqualTo("AMENDED");
        assertThat(amended.get("version").asInt()).isEqualTo(2);
        JsonNode detail = json(lead.get("/api/v1/plans/" + plan), 200);
        assertThat(detail.get("version").asInt()).isEqualTo(2);
        assertThat(detail.at("/document/indicators/0/target/value").decimalValue()).isEqualByComparingTo("16");
        assertThat(detail.get("versions").findValuesAsString("eventId")).containsExactly(
                published.get("eventId").asString(), amended.get("eventId").asString());
        assertThat(problem(lead.put("/api/v1/plans/" + plan, YAML, document(plan, 1, "15")), 409, null)
                .get("type").asString()).endsWith("/plan-version-conflict");

        JsonNode then = json(lead.get("/api/v1/plans/" + plan + "?asOf=" + beforeTheAmendment), 200);
        assertThat(then.get("version").asInt()).isEqualTo(1);
        assertThat(then.at("/document/indicators/0/target/value").decimalValue()).isEqualByComparingTo("15");
        assertThat(then.get("versions")).hasSize(1);
        assertThat(json(lead.get("/api/v1/plans/" + plan + "?asOf=2020-01-01T00:00:00Z"), 200).get("version").asInt())
                .as("before its first publication, the plan's first version counts").isEqualTo(1);
        problem(lead.get("/api/v1/plans/" + plan + "?asOf=yesterday"), 400, "asOf");
    }

    @Test
    void onlyThePlansLeadAgencyClosesItAndAClosedPlanTakesNoMoreVersions() {
        String plan = newPlanId();
        json(lead.put("/api/v1/plans/" + plan, YAML, document(plan, 1, "15")), 202);
        String close = "/api/v1/plans/" + plan + "/close";
        String reason = "{\"reason\":\"规划期已结束，转入终期评估\"}";

        HttpCalls otherLead = http().withToken(TOKENS.token("SAMR", "lead"));
        assertThat(problem(otherLead.postJson(close, reason), 403, null).get("type").asString())
                .endsWith("/not-lead-of-plan");
        problem(http().withToken(TOKENS.reporter("CNIPA")).postJson(close, reason), 403, null);

        JsonNode closed = json(lead.postJson(close, reason), 202);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(problem(lead.postJson(close, reason), 409, null).get("type").asString()).endsWith("/plan-closed");
        assertThat(problem(lead.put("/api/v1/plans/" + plan, YAML, document(plan, 2, "16")), 409, null)
                .get("type").asString()).endsWith("/plan-closed");
        assertThat(listed(plan).get("state").asString()).isEqualTo("CLOSED");
        problem(lead.postJson("/api/v1/plans/" + newPlanId() + "/close", reason), 404, null);
    }

    @Test
    void aPlanDocumentIsYamlOrJsonOfAtMostOneMebibyte() {
        String plan = newPlanId();
        problem(lead.put("/api/v1/plans/" + plan, "text/plain", document(plan, 1, "15")), 415, null);
        problem(lead.put("/api/v1/plans/" + plan, "application/json", "{\"plan\": "), 422, null);
        problem(lead.put("/api/v1/plans/" + plan, YAML, document(plan, 1, "15") + "#" + "x".repeat(1 << 20)), 413,
                null);
        problem(http().withToken(TOKENS.reporter("CNIPA")).put("/api/v1/plans/" + plan, YAML,
                document(plan, 1, "15")), 403, null);
        assertThat(listed(plan)).isNull();

        String asJson = new String(PlanDocuments.toJson(PlanDocuments.parse(
                document(plan, 1, "15").getBytes(StandardCharsets.UTF_8), PlanDocumentFormat.YAML)),
                StandardCharsets.UTF_8);
        assertThat(json(lead.put("/api/v1/plans/" + plan, "application/json", asJson), 202).get("status").asString())
                .isEqualTo("PUBLISHED");
        assertThat(json(lead.put("/api/v1/plans/" + plan, YAML, document(plan, 1, "15")), 200).get("version").asInt())
                .isEqualTo(1);
    }

    @Test
    void theShippedPlanIsPublishedOnceAtStart() {
        await().atMost(Duration.ofSeconds(10)).until(() -> listed("ip-2021-2025"), entry -> entry != null);
        List<JsonNode> shipped = plans().stream().filter(p -> p.get("id").asString().equals("ip-2021-2025")).toList();
        assertThat(shipped).hasSize(1);
        assertThat(shipped.get(0).get("leadAgency").asString()).isEqualTo("CNIPA");
        JsonNode versions = json(lead.get("/api/v1/plans/ip-2021-2025"), 200).get("versions");
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("eventId").asString())
                .isEqualTo(PlanRegistry.shippedEventId(shippedPlan).toString());

        // Published in 2026, the shipped plan's first version stands for it at any earlier instant.
        JsonNode in2023 = json(lead.get("/api/v1/plans/ip-2021-2025?asOf=2023-06-30T16:00:00Z"), 200);
        assertThat(in2023.get("version").asInt()).isEqualTo(1);
        assertThat(in2023.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(in2023.at("/document/plan/id").asString()).isEqualTo("ip-2021-2025");
        assertThat(in2023.get("versions").findValuesAsString("eventId"))
                .containsExactly(PlanRegistry.shippedEventId(shippedPlan).toString());
        json(lead.get("/api/v1/plans/ip-2021-2025?asOf=2020-12-31T15:59:59Z"), 200);

        // Another start, of this instance or another one beside it, publishes nothing more.
        long before = planEvents();
        assertThat(registry.publishShipped(shippedPlan)).isEmpty();
        assertThat(planEvents()).isEqualTo(before);
    }

    private static List<JsonNode> agencies(HttpCalls caller) {
        return StreamSupport.stream(json(caller.get("/api/v1/agencies"), 200).spliterator(), false).toList();
    }

    private List<JsonNode> plans() {
        JsonNode all = json(http().withToken(TOKENS.operator()).get("/api/v1/plans"), 200);
        return StreamSupport.stream(all.spliterator(), false).toList();
    }

    private JsonNode listed(String plan) {
        return plans().stream().filter(p -> p.get("id").asString().equals(plan)).findFirst().orElse(null);
    }

    private static String newPlanId() {
        return "ipp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long planEvents() {
        return TopicOffsets.endOffsetSum(RealInfrastructure.shared().kafkaBootstrapServers(), Topics.PLAN_EVENTS);
    }

    /** A 2026–2030 plan led by CNIPA that reuses IND-01 and brings NDRC, an agency the shipped plan lacks. */
    private static String document(String plan, int version, String target) {
        return """
                schemaVersion: 1
                plan:
                  id: %s
                  version: %d
                  titleZh: "“十五五”知识产权强国建设规划"
                  titleEn: 15th Five-Year Plan for Building an IP Powerhouse
                  firstYear: 2026
                  targetYear: 2030
                  leadAgency: CNIPA
                agencies:
                  - {code: CNIPA, nameZh: 国家知识产权局, nameEn: China National Intellectual Property Administration}
                  - {code: NDRC, nameZh: 国家发展改革委, nameEn: National Development and Reform Commission}
                indicators:
                  - code: IND-01
                    number: 1
                    nameZh: 每万人口高价值发明专利拥有量
                    nameEn: High-value invention patents per 10,000 population
                    unit: {code: patents, symbolZh: 件, nameEn: patents, kind: COUNT}
                    baseline: {year: 2025, value: 12}
                    target: {year: 2030, value: %s}
                    increase: %s
                    attribute: EXPECTED
                    direction: 1
                    responsibleAgency: CNIPA
                    frequency: ANNUAL
                    bounds: {min: 0, max: null}
                programmes:
                  - slug: ip-finance
                    box: 1
                    titleZh: 知识产权金融服务工程
                    titleEn: IP finance services
                    leadAgency: NDRC
                    participatingAgencies: [CNIPA]
                    measures:
                      - {code: pledge, titleZh: 扩大知识产权质押融资, titleEn: Widen IP-backed lending}
                """.formatted(plan, version, target, new BigDecimal(target).subtract(BigDecimal.valueOf(12)));
    }
}
