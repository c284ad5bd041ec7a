package cn.gov.planwatch.launcher;

import cn.gov.planwatch.testsupport.ServedApiDescription;
import cn.gov.planwatch.testsupport.TestPlans;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product as {@code ./run.sh} starts it — the real launcher jar, a real Kafka broker process, real
 * PostgreSQL, the auth server and every service — driven only through the gateway (ports moved by 100) with
 * tokens from the auth server. Then a restart: the data survives and nothing is left running.
 * <p>
 * Every call through the gateway, and its answer, is held to the API description the gateway publishes (see
 * {@link ServedApiDescription}); that description is also written to {@code launcher/target/openapi/planwatch-api.yaml}
 * for the client build and the lint that read it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeStackIT {

    /** Beside, not instead of, a stack a developer may be running on the default ports. */
    private static final int OFFSET = 100;
    /** Two instances of indicator-service, the gateway balancing over them; one of everything else. */
    private static final StackUnderTest STACK = new StackUnderTest("whole-stack-it", OFFSET,
            java.util.Map.of("PLANWATCH_INDICATOR_SERVICE_REPLICAS", "2"));
    private static final Path DATA = STACK.data();
    private static final String GATEWAY = STACK.gateway();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECOND_PLAN = TestPlans.SECOND_PLAN;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Where the build steps after this test (client generation, lint) read the published description. */
    private static final Path PUBLISHED_DESCRIPTION = StackUnderTest.ROOT.resolve("launcher/target/openapi/planwatch-api.yaml");

    @BeforeAll
    static void startTheStack() throws Exception {
        reportStartUp(STACK.startFresh());
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        STACK.stopIfRunning();
    }

    private static void reportStartUp(Duration took) {
        System.out.printf("[whole-stack] stack up in %.1f s%n", took.toMillis() / 1e3);
    }

    private static String token(String clientId) throws Exception {
        return STACK.token(clientId);
    }

    @Test
    @Order(0)
    void theGatewayPublishesOneDescriptionOfEveryServicesApi() throws Exception {
        HttpResponse<String> yaml = unchecked("/api/v1/openapi.yaml");
        assertThat(yaml.statusCode()).as(yaml.body()).isEqualTo(200);
        Files.createDirectories(PUBLISHED_DESCRIPTION.getParent());
        Files.writeString(PUBLISHED_DESCRIPTION, yaml.body(), StandardCharsets.UTF_8);

        JsonNode paths = JSON.readTree(unchecked("/api/v1/openapi.json").body()).get("paths");
        for (String path : List.of("/api/v1/indicators/{code}/observations", "/api/v1/quarterly-updates",
                "/api/v1/national-view", "/api/v1/me")) {
            assertThat(paths.has(path)).as("the published description has %s", path).isTrue();
        }
        assertThat(unchecked("/api/v1/docs").statusCode()).isEqualTo(200);
    }

    /** The description and its reference page are not operations of the API they describe. */
    private static HttpResponse<String> unchecked(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(20)).GET()
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void theCatalogueIsServedThroughTheGateway() throws Exception {
        String token = token("samr-reporter");
        JsonNode agencies = getJson("/api/v1/agencies", token);
        assertThat(agencies.size()).isEqualTo(18);

        JsonNode indicators = getJson("/api/v1/indicators", token);
        assertThat(indicators.size()).isEqualTo(8);
        JsonNode first = indicators.get(0);
        assertThat(first.get("code").asText()).isEqualTo("IND-01");
        assertThat(first.get("nameZh").asText()).isEqualTo("每万人口高价值发明专利拥有量");
        assertThat(first.get("baseline").get("value").decimalValue()).isEqualByComparingTo("6.2");
        assertThat(first.get("target").get("value").decimalValue()).isEqualByComparingTo("12.12");
        assertThat(first.get("increase").decimalValue()).isEqualByComparingTo("5.92");
        assertThat(indicators.get(7).get("baseline").isNull()).as("IND-08 has no baseline").isTrue();

        JsonNode programmes = getJson("/api/v1/programmes", token);
        assertThat(programmes.size()).isEqualTo(10);
        assertThat(StreamSupport.stream(programmes.spliterator(), false).map(p -> p.get("leadAgency").asText()))
                .containsExactlyInAnyOrder("SAMR", "CNIPA", "MARA", "CNIPA", "CNIPA", "MIIT", "CNIPA", "CPD", "MARA",
                        "CNIPA");
    }

    @Test
    @Order(2)
    void aReportPostedThroughTheGatewayReachesTheNationalView() throws Exception {
        HttpResponse<String> accepted = post("/api/v1/indicators/IND-01/observations",
                "{\"period\":\"2023\",\"value\":11.8,\"comment\":\"年末数据\",\"source\":\"statistical bulletin\"}",
                token("cnipa-reporter"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String eventId = JSON.readTree(accepted.body()).get("eventId").asText();
        long acceptedAt = System.nanoTime();

        String lead = token("cnipa-lead");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> nationalViewEventIds(lead).contains(eventId));
        System.out.printf("[whole-stack] 202 → visible in the national view in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acceptedAt));

        JsonNode line = indicator(getJson("/api/v1/national-view", lead), "IND-01");
        assertThat(line.get("latest").get("value").decimalValue()).isEqualByComparingTo("11.8");
        assertThat(line.get("progress").get("status").asText()).isEqualTo("SUBSTANTIAL_PROGRESS");
        JsonNode detail = getJson("/api/v1/indicators/IND-01", lead);
        assertThat(detail.get("latest").get("comment").asText()).isEqualTo("年末数据");
    }

    /**
     * One series per status category, posted through the gateway; status and ratio must agree with the
     * contract's formula, computed here independently of the product.
     */
    /** One trace id from the gateway's access log to the projector's log line for the same report. */
    @Test
    @Order(3)
    void oneTraceIdFollowsAReportFromTheGatewayToTheProjector() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/indicators/IND-01/observations"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token("cnipa-reporter"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"2022\",\"value\":9.1}")).build();
        assertThat(send(request, "{\"period\":\"2022\",\"value\":9.1}").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(Files.readString(DATA.resolve("logs/gateway.log")))
                    .as("the gateway's access log").contains("trace=" + traceId);
            // whichever of the two instances consumes IND-01's partition
            assertThat(Files.readString(DATA.resolve("logs/indicator-service-1.log"))
                    + Files.readString(DATA.resolve("logs/indicator-service-2.log")))
                    .as("the projector's log line").containsPattern("applied .* IND-01/2022 trace=" + traceId);
        });
    }

    @Test
    @Order(4)
    void progressAgreesWithTheContractsFormulaInEveryCategory() throws Exception {
        String cnipa = token("cnipa-reporter");
        record Case(String indicator, String period, String value, String agencyToken, double base, int baseYear,
                double target, String expected) {
        }
        List<Case> cases = List.of(
                new Case("IND-02", "2023", "9.5", cnipa, 4, 2020, 9, "TARGET_ACHIEVED"),
                new Case("IND-03", "2023", "2600", cnipa, 2180, 2020, 3200, "MODERATE_PROGRESS"),
                new Case("IND-07", "2022", "80.2", cnipa, 80.05, 2020, 82, "LIMITED_PROGRESS"),
                new Case("IND-04", "2022", "3100", cnipa, 3194.4, 2020, 3500, "DETERIORATION"),
                new Case("IND-08", "2022", "83", token("spc-reporter"), Double.NaN, 0, 85, "NOT_AVAILABLE"));
        for (Case c : cases) {
            HttpResponse<String> accepted = post("/api/v1/indicators/" + c.indicator() + "/observations",
                    "{\"period\":\"" + c.period() + "\",\"value\":" + c.value() + "}", c.agencyToken());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        }
        String lead = token("cnipa-lead");
        for (Case c : cases) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !getJson("/api/v1/indicators/" + c.indicator(), lead)
                    .path("latest").isNull());
            JsonNode progress = getJson("/api/v1/indicators/" + c.indicator(), lead).get("progress");
            assertThat(progress.get("status").asText()).as(c.indicator()).isEqualTo(c.expected());
            if (!Double.isNaN(c.base())) {
                double ti = Integer.parseInt(c.period());
                double ratio = cagr(Double.parseDouble(c.value()), c.base(), ti, c.baseYear())
                        / Math.abs(cagr(c.target(), c.base(), 2025, c.baseYear()));
                if (!c.expected().equals("TARGET_ACHIEVED")) {
                    assertThat(progress.get("ratio").asDouble()).as(c.indicator()).isCloseTo(ratio,
                            Offset.offset(1e-6));
                }
                assertThat(c.expected()).isEqualTo(category(ratio, Double.parseDouble(c.value()) >= c.target()));
            }
            JsonNode line = indicator(getJson("/api/v1/national-view", lead), c.indicator());
            assertThat(line.get("progress").get("status").asText()).as("national view " + c.indicator())
                    .isEqualTo(c.expected());
        }
    }

    private static double cagr(double a, double b, double ta, double tb) {
        return Math.pow(a / b, 1 / (ta - tb)) - 1;
    }

    private static String category(double ratio, boolean reached) {
        if (reached) {
            return "TARGET_ACHIEVED";
        }
        return ratio >= 0.95 ? "SUBSTANTIAL_PROGRESS" : ratio >= 0.6 ? "MODERATE_PROGRESS"
                : ratio >= 0 ? "LIMITED_PROGRESS" : "DETERIORATION";
    }

    /** Report → submit → return → revise → resubmit → accept → locked, all through the gateway. */
    @Test
    @Order(5)
    void theQuarterlyCycleRunsThroughTheGatewayAndAnAcceptedQuarterIsLockedInEveryService() throws Exception {
        String samr = token("samr-reporter");
        String lead = token("cnipa-lead");
        String progress = "/api/v1/programmes/geographical-indications/progress";
        String report = "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":60,"
                + "\"summary\":\"示范区建设推进\",\"milestones\":[{\"code\":\"gi-demo-zones\",\"value\":%d}]}";
        assertThat(post(progress, report.formatted(37), samr).statusCode()).isEqualTo(202);
        assertThat(post(progress, report.formatted(37), token("moe-reporter")).statusCode())
                .as("MOE is not on the programme").isEqualTo(403);
        assertThat(post("/api/v1/quarterly-updates", "{\"quarter\":\"2025-Q3\"}", samr).statusCode())
                .isEqualTo(202);
        assertThat(post("/api/v1/quarterly-updates/SAMR/2025-Q3/return",
                "{\"reason\":\"请补充示范区数据\",\"items\":[\"geographical-indications\"]}", lead).statusCode())
                .isEqualTo(202);
        assertThat(post(progress, report.formatted(40), samr).statusCode()).as("revision").isEqualTo(202);
        assertThat(post("/api/v1/quarterly-updates", "{\"quarter\":\"2025-Q3\"}", samr).statusCode())
                .isEqualTo(202);
        assertThat(post("/api/v1/quarterly-updates/SAMR/2025-Q3/accept", "{}", lead).statusCode()).isEqualTo(202);
        HttpResponse<String> locked = post(progress, report.formatted(41), samr);
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode milestone = getJson("/api/v1/programmes/geographical-indications", lead)
                    .path("rollUp").path("milestones").get(0);
            assertThat(milestone.path("code").asText()).isEqualTo("gi-demo-zones");
            assertThat(milestone.path("value").decimalValue()).isEqualByComparingTo("40");
            assertThat(milestone.path("target").decimalValue()).isEqualByComparingTo("100");
        });

        // The indicator service learns of a lock from the events alone.
        String cnipa = token("cnipa-reporter");
        assertThat(post("/api/v1/quarterly-updates", "{\"quarter\":\"2025-Q4\"}", cnipa).statusCode())
                .isEqualTo(202);
        assertThat(post("/api/v1/quarterly-updates/CNIPA/2025-Q4/accept", "{}", lead).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> post("/api/v1/indicators/IND-01/observations",
                "{\"period\":\"2025\",\"value\":12.2}", cnipa).statusCode() == 409);
    }

    @Test
    @Order(6)
    void identitiesAreEnforcedAtTheGatewayAndAtEveryService() throws Exception {
        String body = "{\"period\":\"2023\",\"value\":11.8}";
        assertThat(post("/api/v1/indicators/IND-01/observations", body, token("samr-reporter")).statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/indicators/IND-01/observations", body, null).statusCode()).isEqualTo(401);
        assertThat(get(GATEWAY + "/api/v1/national-view", token("cnipa-reporter")).statusCode()).isEqualTo(403);
        assertThat(get(GATEWAY + "/api/v1/national-view", token("cnipa-lead")).statusCode()).isEqualTo(200);
        for (int port : new int[] {8081 + OFFSET, 8082 + OFFSET, 8083 + OFFSET}) {
            HttpResponse<String> direct = get("http://localhost:" + port + "/api/v1/indicators", null);
            assertThat(direct.statusCode()).as("port %d without a token", port).isEqualTo(401);
        }
        HttpResponse<String> malformed = post("/api/v1/indicators/IND-01/observations", "{\"period\":",
                token("cnipa-reporter"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @Order(10)
    void aPlanPublishedWhileTheStackRunsIsUsableInEveryServiceAndItsNewAgencyGetsAReporter() throws Exception {
        // First a document with four mistakes: every one is named, and no service learns of the plan.
        JsonNode plansBefore = getJson("/api/v1/plans", token("cnipa-lead"));
        String invalid = TestPlans.secondPlanYaml()
                .replace("  leadAgency: CNIPA\nagencies:", "  leadAgency: NOPE\nagencies:")
                .replace("    increase: 3.4\n", "    increase: 4\n")
                .replace("  - code: IND-02\n", "  - code: IND-01\n")
                .replace("    target: {year: 2030, value: 10}\n", "    target: {year: 2031, value: 10}\n");
        HttpResponse<String> refused = put("/api/v1/plans/" + SECOND_PLAN, invalid, token("cnipa-lead"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "plan.leadAgency", "indicators[0].increase", "indicators[1].code", "indicators[1].target.year");
        assertThat(getJson("/api/v1/plans", token("cnipa-lead"))).isEqualTo(plansBefore);
        assertThat(get(GATEWAY + "/api/v1/plans/" + SECOND_PLAN + "/indicators", token("cnipa-lead")).statusCode())
                .isEqualTo(404);

        HttpResponse<String> published = put("/api/v1/plans/" + SECOND_PLAN, TestPlans.secondPlanYaml(),
                token("cnipa-lead"));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(202);
        assertThat(JSON.readTree(published.body()).get("status").asText()).isEqualTo("PUBLISHED");

        String lead = token("cnipa-lead");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(get(GATEWAY + "/api/v1/plans/" + SECOND_PLAN + "/indicators/IND-02", lead).statusCode())
                    .as("indicator-service knows the plan").isEqualTo(200);
            assertThat(get(GATEWAY + "/api/v1/plans/" + SECOND_PLAN + "/programmes/data-ip", lead).statusCode())
                    .as("programme-service knows the plan").isEqualTo(200);
            assertThat(get(GATEWAY + "/api/v1/plans/" + SECOND_PLAN + "/national-view", lead).statusCode())
                    .as("reporting-service knows the plan").isEqualTo(200);
        });
        JsonNode agencies = getJson("/api/v1/agencies", lead);
        assertThat(StreamSupport.stream(agencies.spliterator(), false).map(a -> a.get("code").asText()))
                .as("agencies are government-wide").contains("CNIPA", "SAMR", TestPlans.NEW_AGENCY);
        String newReporter = TestPlans.NEW_AGENCY.toLowerCase() + "-reporter";
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(DATA.resolve("dev-clients.json")).contains("\"" + newReporter + "\""));
        assertThat(token(newReporter)).as("the new agency's reporter gets a token, with no restart").isNotBlank();
    }

    @Test
    @Order(11)
    void reportsToTwoPlansShowOnlyInTheirOwnPlansNationalView() throws Exception {
        HttpResponse<String> second = post("/api/v1/plans/" + SECOND_PLAN + "/indicators/IND-01/observations",
                "{\"period\":\"2026\",\"value\":15.2,\"comment\":\"“十五五”首年快报\"}", token("cnipa-reporter"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
        String secondEvent = JSON.readTree(second.body()).get("eventId").asText();
        HttpResponse<String> byNewAgency = post("/api/v1/plans/" + SECOND_PLAN + "/indicators/IND-02/observations",
                "{\"period\":\"2026-Q3\",\"value\":2.5,\"comment\":\"数据知识产权登记\"}",
                token(TestPlans.NEW_AGENCY.toLowerCase() + "-reporter"));
        assertThat(byNewAgency.statusCode()).as(byNewAgency.body()).isEqualTo(202);

        String lead = token("cnipa-lead");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                !indicator(getJson("/api/v1/plans/" + SECOND_PLAN + "/national-view", lead), "IND-02")
                        .path("latest").isNull() && ids(indicator(getJson("/api/v1/plans/" + SECOND_PLAN
                        + "/national-view", lead), "IND-01")).contains(secondEvent));
        JsonNode secondView = getJson("/api/v1/plans/" + SECOND_PLAN + "/national-view", lead);
        assertThat(secondView.get("plan").get("id").asText()).isEqualTo(SECOND_PLAN);
        assertThat(indicator(secondView, "IND-01").get("latest").get("value").decimalValue())
                .isEqualByComparingTo("15.2");
        assertThat(indicator(secondView, "IND-02").get("latest").get("value").decimalValue())
                .isEqualByComparingTo("2.5");
        JsonNode shippedView = getJson("/api/v1/national-view", lead);
        assertThat(shippedView.get("plan").get("id").asText()).isEqualTo("ip-2021-2025");
        assertThat(indicator(shippedView, "IND-01").get("latest").get("value").decimalValue())
                .as("the shipped plan's IND-01 is another series").isEqualByComparingTo("11.8");
        assertThat(ids(indicator(shippedView, "IND-01"))).doesNotContain(secondEvent);
        assertThat(getJson("/api/v1/plans/ip-2021-2025/national-view", lead).get("indicators"))
                .as("the unscoped path is the default plan").isEqualTo(shippedView.get("indicators"));
    }

    @Test
    @Order(12)
    void anAmendedTargetChangesTheStatusFromTheAmendmentOnAndTheViewBeforeItKeepsTheOldOne() throws Exception {
        String lead = token("cnipa-lead");
        JsonNode before = indicator(getJson("/api/v1/plans/" + SECOND_PLAN + "/national-view", lead), "IND-01");
        assertThat(before.get("target").decimalValue()).isEqualByComparingTo("18");
        String statusBefore = before.get("progress").get("status").asText();
        assertThat(statusBefore).isNotEqualTo("TARGET_ACHIEVED");
        Instant beforeAmendment = Instant.now();

        HttpResponse<String> amended = put("/api/v1/plans/" + SECOND_PLAN, TestPlans.secondPlanYaml(2, "15"), lead);
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(202);
        assertThat(JSON.readTree(amended.body()).get("status").asText()).isEqualTo("AMENDED");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> indicator(
                getJson("/api/v1/plans/" + SECOND_PLAN + "/national-view", lead), "IND-01").get("target")
                .decimalValue().compareTo(new java.math.BigDecimal("15")) == 0);
        JsonNode after = indicator(getJson("/api/v1/plans/" + SECOND_PLAN + "/national-view", lead), "IND-01");
        assertThat(after.get("progress").get("status").asText()).isEqualTo("TARGET_ACHIEVED");

        JsonNode then = getJson("/api/v1/plans/" + SECOND_PLAN + "/national-view?asOf=" + beforeAmendment, lead);
        assertThat(then.get("plan").get("version").asText()).isEqualTo("1");
        assertThat(indicator(then, "IND-01").get("target").decimalValue()).isEqualByComparingTo("18");
        assertThat(indicator(then, "IND-01").get("progress").get("status").asText()).isEqualTo(statusBefore);
    }

    @Test
    @Order(13)
    void aClosedPlanRefusesWritesAndStillReads() throws Exception {
        String lead = token("cnipa-lead");
        HttpResponse<String> closed = post("/api/v1/plans/" + SECOND_PLAN + "/close",
                "{\"reason\":\"测试：规划提前结束\"}", lead);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);

        String reporter = token("cnipa-reporter");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> refused = post("/api/v1/plans/" + SECOND_PLAN + "/indicators/IND-01/observations",
                    "{\"period\":\"2026\",\"value\":15.9}", reporter);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains("plan-closed");
        });
        HttpResponse<String> progress = post("/api/v1/plans/" + SECOND_PLAN + "/quarterly-updates",
                "{\"quarter\":\"2026-Q3\"}", token("samr-reporter"));
        assertThat(progress.statusCode()).as(progress.body()).isEqualTo(409);
        assertThat(indicator(getJson("/api/v1/plans/" + SECOND_PLAN + "/national-view", lead), "IND-01")
                .get("latest").get("value").decimalValue()).as("reads stay").isEqualByComparingTo("15.2");
        assertThat(plan(getJson("/api/v1/plans", lead), SECOND_PLAN).get("state").asText()).isEqualTo("CLOSED");
    }

    /**
     * kill -9 of one indicator-service instance between reports: each report is still answered (202; or the
     * unknown-outcome 502, settled by resending with its Idempotency-Key) and recorded once, the launcher starts the
     * instance again, and the gateway balances over both again.
     */
    @Test
    @Order(19)
    void killingOneIndicatorServiceInstanceLosesNoReportAndTheLauncherStartsItAgain() throws Exception {
        String reporter = token("cnipa-reporter");
        String operator = token("planwatch-operator");
        int second = STACK.port(8091);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (int i = 0; i < 6; i++) {
                getJson("/api/v1/indicators", reporter);
            }
            return indicatorReads(STACK.port(8081), operator) > 0 && indicatorReads(second, operator) > 0;
        });

        long killed = Long.parseLong(Files.readAllLines(DATA.resolve("pids/indicator-service-2.pid")).get(0).trim());
        List<String> eventIds = new java.util.ArrayList<>();
        for (int report = 0; report < 8; report++) {
            if (report == 3) {
                ProcessHandle.of(killed).ifPresent(ProcessHandle::destroyForcibly);
            }
            // a revision of an earlier year, which leaves what the later tests read as it is
            eventIds.add(reportSettled("/api/v1/indicators/IND-01/observations",
                    "{\"period\":\"2022\",\"value\":9.1}", reporter));
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                STACK.launcherOutput().contains("indicator-service-2  is serving again")
                        && status("http://localhost:" + second + "/actuator/health/readiness") == 200);
        assertThat(STACK.launcherOutput()).contains("indicator-service-2 exited (code 137");
        // the killed instance's partitions go to the other once the group notices it gone
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String observations = getJson("/api/v1/indicators/IND-01/observations", reporter).toString();
            for (String eventId : eventIds) {
                assertThat(observations.split(eventId, -1)).as("report %s recorded once", eventId).hasSize(2);
            }
        });
        // the restarted instance is balanced over again (its request count starts from zero)
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (int i = 0; i < 6; i++) {
                getJson("/api/v1/indicators", reporter);
            }
            return indicatorReads(second, operator) > 0;
        });
    }

    /**
     * Sends a report until its outcome is known: 202, or after an unknown outcome, the resend's answer — once a
     * second under the same Idempotency-Key, as a client settles it, for at most three minutes.
     */
    private static String reportSettled(String path, String json, String token) {
        String key = UUID.randomUUID().toString();
        AtomicReference<String> eventId = new AtomicReference<>();
        await("the report settled").atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                            .timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                            .header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
                    HttpResponse<String> response = send(request, json);
                    if (response.statusCode() == 202) {
                        eventId.set(JSON.readTree(response.body()).get("eventId").asText());
                        return true;
                    }
                    // 502 service-failed: unknown outcome; 409 with Retry-After: the claim of the attempt that died
                    // is held
                    assertThat(response.statusCode()).as(response.body()).isIn(502, 409);
                    return false;
                });
        return eventId.get();
    }

    /** How many reads of the indicator list this instance has answered since it started, from its own metrics. */
    private static long indicatorReads(int port, String operatorToken) throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/prometheus")).header("Authorization", "Bearer " + operatorToken)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (metrics.statusCode() != 200) {
            return 0;
        }
        return metrics.body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{")
                        && line.contains("uri=\"/api/v1/indicators\"") && line.contains("status=\"200\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception notAnswering) {
            return 0;
        }
    }

    @Test
    @Order(20)
    void afterAStopAndASecondStartTheDataIsStillThereAndNothingWasLeftRunning() throws Exception {
        STACK.stop();
        for (int port : new int[] {8080, 8081, 8091, 8082, 8083, 9000, 15432, 19092}) {
            assertThat(StackUnderTest.answers(STACK.port(port)))
                    .as("something still listens on %d after the stop", port).isFalse();
        }
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(DATA.toString())).orElse(false))
                .toList()).as("processes of the stack after the stop").isEmpty();

        reportStartUp(STACK.start());
        JsonNode line = indicator(getJson("/api/v1/national-view", token("cnipa-lead")), "IND-01");
        assertThat(line.get("latest").get("value").decimalValue()).isEqualByComparingTo("11.8");
        String lead = token("cnipa-lead");
        assertThat(plan(getJson("/api/v1/plans", lead), SECOND_PLAN).get("state").asText()).isEqualTo("CLOSED");
        JsonNode second = getJson("/api/v1/plans/" + SECOND_PLAN + "/national-view", lead);
        assertThat(indicator(second, "IND-01").get("target").decimalValue()).isEqualByComparingTo("15");
        assertThat(indicator(second, "IND-02").get("latest").get("value").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(token(TestPlans.NEW_AGENCY.toLowerCase() + "-reporter")).isNotBlank();
    }

    /**
     * Every read model is a fold of the log: with the databases and the consumers' positions forgotten, the services
     * replay every topic from offset 0 and arrive at the same plans and the same national views.
     */
    @Test
    @Order(21)
    void replayingTheLogFromOffsetZeroGivesTheSameReadModels() throws Exception {
        String lead = token("cnipa-lead");
        List<String> reads = List.of("/api/v1/plans", "/api/v1/national-view",
                "/api/v1/plans/" + SECOND_PLAN + "/national-view", "/api/v1/plans/" + SECOND_PLAN + "/indicators/IND-01/observations",
                "/api/v1/indicators/IND-01/observations", "/api/v1/plans/" + SECOND_PLAN + "/programmes",
                "/api/v1/agencies");
        java.util.Map<String, JsonNode> before = new java.util.LinkedHashMap<>();
        for (String read : reads) {
            before.put(read, withoutVolatileFields(getJson(read, lead)));
        }

        STACK.stop();
        STACK.forgetReadModelsAndConsumerPositions();
        reportStartUp(STACK.start());

        String leadAgain = token("cnipa-lead");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String read : reads) {
                HttpResponse<String> response = get(GATEWAY + read, leadAgain);
                assertThat(response.statusCode()).as(read).isEqualTo(200);
                assertThat(firstDifference("", before.get(read), withoutVolatileFields(JSON.readTree(response.body()))))
                        .as("%s after the replay", read).isNull();
            }
        });
    }


    private static List<String> ids(JsonNode indicatorLine) {
        return StreamSupport.stream(indicatorLine.path("eventIds").spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode plan(JsonNode plans, String id) {
        for (JsonNode plan : plans) {
            if (plan.get("id").asText().equals(id)) {
                return plan;
            }
        }
        throw new AssertionError(id + " is missing from the plans");
    }

    /** What differs between two folds of the same log only by when they ran. */
    private static JsonNode withoutVolatileFields(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        copy.findParents("generatedAt").forEach(parent -> ((com.fasterxml.jackson.databind.node.ObjectNode) parent)
                .remove("generatedAt"));
        copy.findParents("projectedAt").forEach(parent -> ((com.fasterxml.jackson.databind.node.ObjectNode) parent)
                .remove("projectedAt"));
        if (copy instanceof com.fasterxml.jackson.databind.node.ObjectNode view) {
            // The national view says when it was read and how fresh its projections are.
            view.remove(List.of("asOf", "freshness"));
        }
        return copy;
    }

    /** Where two answers first differ (a JSON pointer and both values), or null if they are equal. */
    private static String firstDifference(String at, JsonNode expected, JsonNode actual) {
        if (expected.equals(actual)) {
            return null;
        }
        if (expected.isContainerNode() && actual.isContainerNode() && expected.size() == actual.size()
                && expected.isArray() == actual.isArray()) {
            if (expected.isArray()) {
                for (int i = 0; i < expected.size(); i++) {
                    String found = firstDifference(at + "/" + i, expected.get(i), actual.get(i));
                    if (found != null) {
                        return found;
                    }
                }
            } else {
                for (var names = expected.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!actual.has(name)) {
                        return at + "/" + name + ": missing";
                    }
                    String found = firstDifference(at + "/" + name, expected.get(name), actual.get(name));
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        String shown = actual.toString();
        return at + ": expected " + abbreviated(expected.toString()) + " but was " + abbreviated(shown);
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static HttpResponse<String> put(String path, String yaml, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/yaml")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8)).build();
        return send(request, yaml);
    }

    private static List<String> nationalViewEventIds(String token) throws Exception {
        JsonNode ids = indicator(getJson("/api/v1/national-view", token), "IND-01").path("eventIds");
        return StreamSupport.stream(ids.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode indicator(JsonNode view, String code) {
        for (JsonNode line : view.get("indicators")) {
            if (line.get("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError(code + " is missing from the national view");
    }

    private static JsonNode getJson(String path, String token) throws Exception {
        HttpResponse<String> response = get(GATEWAY + path, token);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build(), null);
    }

    private static HttpResponse<String> post(String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build(), json);
    }

    /** Sends {@code request}; a call through the gateway is held to the description the gateway publishes. */
    private static HttpResponse<String> send(HttpRequest request, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (request.uri().toString().startsWith(GATEWAY)) {
            ServedApiDescription.at(GATEWAY + "/api/v1/openapi.json").check(request, body, response);
        }
        return response;
    }


}
