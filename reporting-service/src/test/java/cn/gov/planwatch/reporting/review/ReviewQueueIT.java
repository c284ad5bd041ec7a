package cn.gov.planwatch.reporting.review;

import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead agency's review pages as the service renders them (the gateway relays the person's token as a bearer
 * token and checks the forms' CSRF token): the queue, one agency's quarter with what changed, and the accept and
 * return forms, over stand-ins for programme-service and indicator-service that record what the pages send them.
 * Real broker, real database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewQueueIT extends ServiceFixture {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String PLAN_API = "/api/v1/plans/ip-2021-2025";
    private static final TestTokens TOKENS = TestTokens.shared();
    private static final String LEAD_TOKEN = TOKENS.lead();
    private static final StandIns SERVICES = new StandIns(LEAD_TOKEN);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("planwatch.services.programme-service", SERVICES::url);
        registry.add("planwatch.services.indicator-service", SERVICES::url);
    }

    @AfterAll
    static void stop() {
        SERVICES.stop();
    }

    private HttpCalls lead() {
        return http().withToken(LEAD_TOKEN);
    }

    @Test
    @Order(1)
    void theLeadSeesTheSubmittedUpdatesOldestFirstWithTheDaysEachHasWaited() {
        HttpResponse<String> en = lead().get("/dashboard/review?lang=en");
        assertThat(en.statusCode()).as(en.body()).isEqualTo(200);
        assertThat(en.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(en.body()).contains("Quarterly updates awaiting review", "3 updates wait")
                .doesNotContain("<script", "style=\"", "id=\"not-the-lead\"");
        String page = en.body();
        assertThat(page.indexOf("data-agency=\"SAMR\"")).as("the longest waiting first").isPositive()
                .isLessThan(page.indexOf("data-agency=\"CPD\""));
        assertThat(page.indexOf("data-agency=\"CPD\"")).isLessThan(page.indexOf("data-agency=\"MOE\""));
        assertThat(row(page, "SAMR")).contains("State Administration for Market Regulation", "2025-Q3", "40 days",
                "Late", "resubmitted after a return", "/dashboard/review/SAMR/2025-Q3?lang=en");
        assertThat(row(page, "CPD")).contains("Publicity Department", "2025-Q4", "12 days", "On time",
                "/dashboard/review/CPD/2025-Q4?lang=en");
        assertThat(row(page, "MOE")).contains("less than a day");
        assertThat(page).as("accepted and overdue updates await nothing")
                .doesNotContain("data-agency=\"CNIPA\"", "data-agency=\"MCT\"");
        assertThat(SERVICES.calls()).contains(new Call("GET", PLAN_API + "/quarterly-updates", LEAD_TOKEN, "en",
                null, null));

        HttpResponse<String> zh = http().withToken(LEAD_TOKEN).get("/dashboard/plans/ip-2021-2025/review?lang=zh");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body()).contains("待审核的季度更新", "中央宣传部", "12 天", "不足 1 天", "lang=\"zh-CN\"",
                "/dashboard/plans/ip-2021-2025/review/CPD/2025-Q4?lang=zh");
        assertThat(SERVICES.calls()).contains(new Call("GET", PLAN_API + "/quarterly-updates", LEAD_TOKEN, "zh-CN",
                null, null));

        HttpCalls reporter = http().withToken(TOKENS.reporter("CPD"));
        assertThat(reporter.get("/dashboard/review").statusCode()).isEqualTo(403);
        assertThat(reporter.post("/dashboard/review/CPD/2025-Q4/accept", FORM, "_csrf=x").statusCode())
                .isEqualTo(403);
    }

    @Test
    @Order(2)
    void theLeadSeesWhatTheAgencyReportedForTheQuarterBesideWhatItReportedBefore() {
        HttpResponse<String> page = lead().get("/dashboard/review/CPD/2025-Q4?lang=en");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Publicity Department of the CPC Central Committee, 2025-Q4", "12 days")
                .doesNotContain("<script", "style=\"");

        String indicator = between(body, "data-indicator=\"IND-06\"", "</tr>");
        assertThat(indicator).contains("2025", "7.62 percent", "7.45 percent (2024)", "+0.17", "revision 2",
                "changed", "CPD statistical bulletin");

        String copyright = between(body, "data-programme=\"copyright-innovation\"", "</section>");
        assertThat(copyright).contains("Copyright innovation and development", "Before (2025-Q3)",
                "This quarter (2025-Q4)", "At risk", "On track", "60%", "80%", "版权交易平台上线")
                .as("another agency's report on the same programme is not this agency's")
                .doesNotContain("MCT report");
        assertThat(between(body, "data-programme=\"sme-ip-strategy\"", "</section>"))
                .contains("Nothing reported on this programme for 2025-Q4.", "Before (2025-Q2)", "Not started");

        String accept = form(body, "accept-form");
        assertThat(accept).contains("method=\"post\"", "action=\"/dashboard/review/CPD/2025-Q4/accept?lang=en\"",
                "name=\"_csrf\"", "name=\"idempotencyKey\"");
        String giveBack = form(body, "return-form");
        assertThat(giveBack).contains("method=\"post\"", "action=\"/dashboard/review/CPD/2025-Q4/return?lang=en\"",
                "name=\"_csrf\"", "<label for=\"reason\">Reason</label>", "<legend>What to revise</legend>");
        for (String item : List.of("IND-06", "copyright-innovation", "sme-ip-strategy", "ip-education")) {
            Matcher box = Pattern.compile("<input type=\"checkbox\" name=\"items\" id=\"(item-\\d+)\" value=\""
                    + item + "\"").matcher(giveBack);
            assertThat(box.find()).as("a checkbox for " + item).isTrue();
            assertThat(giveBack).as("labelled").contains("<label for=\"" + box.group(1) + "\"");
        }

        for (String path : List.of("/quarterly-updates/CPD", "/indicators/IND-06/observations",
                "/programmes/copyright-innovation/progress", "/programmes/sme-ip-strategy/progress")) {
            assertThat(SERVICES.calls()).contains(new Call("GET", PLAN_API + path, LEAD_TOKEN, "en", null, null));
        }
    }

    @Test
    @Order(3)
    void aReturnReachesTheApiWithTheReasonAndTheChosenItemsAndARefusalIsShownBesideTheField() {
        HttpResponse<String> refused = lead().post("/dashboard/review/SAMR/2025-Q3/return?lang=zh", FORM,
                "_csrf=x&idempotencyKey=return-1&reason=&items=trade-secrets");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"reason-error\"", "退回理由不能为空", "aria-invalid=\"true\"",
                "aria-describedby=\"reason-error\"", "未记录：programme-service 拒绝了该请求（400）");
        assertThat(between(refused.body(), "value=\"trade-secrets\"", ">")).as("the lead's choice is kept")
                .contains("checked");
        assertPosted("/quarterly-updates/SAMR/2025-Q3/return", "zh-CN", "return-1",
                "{\"reason\":\"\",\"items\":[\"trade-secrets\"]}");

        HttpResponse<String> returned = lead().post("/dashboard/plans/ip-2021-2025/review/SAMR/2025-Q3/return?lang=en",
                FORM, "_csrf=x&idempotencyKey=return-2&reason=" + encode("请补充第三季度里程碑数据")
                        + "&items=trade-secrets&items=geographical-indications");
        assertThat(returned.statusCode()).as("post/redirect/get").isEqualTo(303);
        String location = returned.headers().firstValue("Location").orElseThrow();
        assertThat(location).as("relative: the browser stays at the gateway")
                .isEqualTo("/dashboard/plans/ip-2021-2025/review?lang=en&agency=SAMR&quarter=2025-Q3");
        assertPosted("/quarterly-updates/SAMR/2025-Q3/return", "en", "return-2",
                "{\"reason\":\"请补充第三季度里程碑数据\",\"items\":[\"trade-secrets\",\"geographical-indications\"]}");

        HttpResponse<String> queue = lead().get(location.substring(location.indexOf("/dashboard")));
        assertThat(queue.body()).contains("State Administration for Market Regulation, 2025-Q3: returned for revision.",
                "请补充第三季度里程碑数据", "(trade-secrets, geographical-indications)")
                .doesNotContain("data-agency=\"SAMR\"");
    }

    @Test
    @Order(4)
    void anAcceptanceReachesTheApiAsTheLeadAndTheApisRefusalsAreShown() {
        HttpResponse<String> notLead = http().withToken(TOKENS.token("SAMR", "lead"))
                .post("/dashboard/review/CPD/2025-Q4/accept?lang=en", FORM, "_csrf=x&idempotencyKey=k0");
        assertThat(notLead.statusCode()).as(notLead.body()).isEqualTo(200);
        assertThat(notLead.body()).contains("Not recorded: programme-service refused it (403).",
                "only the lead agency of plan", "id=\"not-the-lead\"", "Only CNIPA", "you act for SAMR");

        HttpResponse<String> accepted = lead().post("/dashboard/review/CPD/2025-Q4/accept?lang=en", FORM,
                "_csrf=x&idempotencyKey=accept-1");
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertPosted("/quarterly-updates/CPD/2025-Q4/accept", "en", "accept-1", "{}");
        String location = accepted.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> queue = lead().get(location.substring(location.indexOf("/dashboard")));
        assertThat(queue.body()).contains(
                        "Publicity Department of the CPC Central Committee, 2025-Q4: accepted. The quarter is locked.")
                .doesNotContain("data-agency=\"CPD\"").contains("data-agency=\"MOE\"");

        HttpResponse<String> stale = lead().post("/dashboard/review/CPD/2025-Q4/accept?lang=en", FORM,
                "_csrf=x&idempotencyKey=accept-2");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("Not recorded: programme-service refused it (409).",
                "is ACCEPTED, not SUBMITTED", "This update does not await review: it is Accepted.")
                .doesNotContain("id=\"accept-form\"");
    }

    @Test
    @Order(5)
    void anAgencyOrQuarterThePlanDoesNotKnowIsNotFoundAndNothingIsAskedOfTheApi() {
        int before = SERVICES.calls().size();
        for (String path : List.of("/dashboard/review/NASA/2025-Q3", "/dashboard/review/CPD/2025-Q9",
                "/dashboard/review/CPD/2025", "/dashboard/plans/no-such-plan/review/CPD/2025-Q4",
                "/dashboard/plans/no-such-plan/review")) {
            HttpResponse<String> page = lead().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        for (String path : List.of("/dashboard/review/%7Bx%7D/2025-Q3/accept", "/dashboard/review/CPD/2025-Q0/return",
                "/dashboard/review/CPD%2F..%2F..%2Fops/2025-Q4/accept")) {
            assertThat(lead().post(path, FORM, "_csrf=x&reason=x").statusCode()).as(path).isIn(400, 404);
        }
        assertThat(SERVICES.calls()).hasSize(before);
    }

    @Test
    @Order(6)
    void theComplianceHeatMapLeadsToTheReviewOfEachAgencysQuarter() {
        HttpResponse<String> overview = lead().get("/dashboard?lang=en");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("href=\"/dashboard/review/CPD/2021-Q1?lang=en\"",
                "/dashboard/review/CPD/2021-Q1?lang=en&quot;", "id=\"nav-review\"");
    }

    @Test
    @Order(7)
    void whenTheServicesDoNotAnswerThePagesSaySo() {
        SERVICES.stop();
        HttpResponse<String> queue = lead().get("/dashboard/review?lang=en");
        assertThat(queue.statusCode()).as("said on the page, not a server error").isEqualTo(200);
        assertThat(queue.body()).contains("programme-service does not answer");
        HttpResponse<String> quarter = lead().get("/dashboard/review/CPD/2025-Q4?lang=zh");
        assertThat(quarter.statusCode()).isEqualTo(200);
        assertThat(quarter.body()).contains("programme-service 无响应", "indicator-service 无响应");
        HttpResponse<String> accept = lead().post("/dashboard/review/MOE/2025-Q4/accept?lang=en", FORM, "_csrf=x");
        assertThat(accept.statusCode()).isEqualTo(200);
        assertThat(accept.body()).contains("Not recorded: programme-service does not answer.");
    }

    /** The stand-in received the write with the lead's own token, the page's language, the form's key and body. */
    private static void assertPosted(String path, String language, String idempotencyKey, String json) {
        Call posted = SERVICES.calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().equals(PLAN_API + path)
                        && idempotencyKey.equals(c.idempotencyKey()))
                .findFirst().orElseThrow(() -> new AssertionError("no POST " + path + " in " + SERVICES.calls()));
        assertThat(posted.token()).isEqualTo(LEAD_TOKEN);
        assertThat(posted.language()).isEqualTo(language);
        assertThat(StandIns.JSON.readTree(posted.body())).isEqualTo(StandIns.JSON.readTree(json));
    }

    private static String row(String page, String agency) {
        return between(page, "<tr data-agency=\"" + agency + "\"", "</tr>");
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from) + end.length());
    }

    private static String form(String page, String id) {
        Matcher form = Pattern.compile("<form id=\"" + id + "\"[\\s\\S]*?</form>").matcher(page);
        assertThat(form.find()).as("form " + id).isTrue();
        return form.group();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A call a stand-in received: the token and language it came with, and a write's key and body. */
    record Call(String method, String path, String token, String language, String idempotencyKey, String body) {
    }

    /**
     * programme-service's and indicator-service's APIs as far as the review pages call them, for the shipped plan:
     * five agencies' updates, CPD's and SAMR's reports, and reviews that only the plan's lead agency may make.
     */
    private static final class StandIns {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final String leadToken;
        private final List<Call> calls = new CopyOnWriteArrayList<>();
        private final Map<String, Map<String, Object>> cells = new ConcurrentHashMap<>();
        private final HttpServer server;
        private volatile boolean stopped;

        StandIns(String leadToken) {
            this.leadToken = leadToken;
            Instant now = Instant.now();
            cell("SAMR", "2025-Q3", "SUBMITTED_LATE", now.minus(Duration.ofDays(40).plusHours(1)), false,
                    review("RETURNED", "请补充商业秘密保护工程数据", List.of("trade-secrets")));
            cell("CPD", "2025-Q4", "SUBMITTED_ON_TIME", now.minus(Duration.ofDays(12).plusHours(1)), true, null);
            cell("MOE", "2025-Q4", "SUBMITTED_ON_TIME", now.minus(Duration.ofHours(2)), true, null);
            cell("CNIPA", "2025-Q3", "ACCEPTED", now.minus(Duration.ofDays(60)), true,
                    review("ACCEPTED", null, List.of()));
            cell("MCT", "2025-Q4", "OVERDUE", null, null, null);
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", this::answer);
            server.start();
        }

        private void answer(HttpExchange exchange) throws IOException {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String token = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
            String language = exchange.getRequestHeaders().getFirst("Accept-Language");
            calls.add(new Call(method, java.net.URLDecoder.decode(path, StandardCharsets.UTF_8), token, language,
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), method.equals("POST") ? body : null));
            String api = path.startsWith(PLAN_API) ? path.substring(PLAN_API.length()) : path;
            Object answer;
            int status = 200;
            if (api.equals("/quarterly-updates")) {
                answer = Map.of("asOf", Instant.now().toString(), "agencies", List.of("SAMR", "CPD", "MOE", "CNIPA",
                        "MCT").stream().map(a -> Map.of("agency", a, "quarters", cells.values().stream()
                        .filter(c -> c.get("agency").equals(a)).toList())).toList());
            } else if (api.equals("/quarterly-updates/CPD")) {
                answer = Map.of("agency", "CPD", "indicators", List.of("IND-06"), "programmes",
                        List.of("sme-ip-strategy", "copyright-innovation", "ip-education"), "quarters",
                        cells.values().stream().filter(c -> c.get("agency").equals("CPD")).toList());
            } else if (api.equals("/quarterly-updates/SAMR")) {
                answer = Map.of("agency", "SAMR", "indicators", List.of(), "programmes",
                        List.of("trade-secrets", "geographical-indications", "sme-ip-strategy", "trademark-brands"),
                        "quarters", cells.values().stream().filter(c -> c.get("agency").equals("SAMR")).toList());
            } else if (api.equals("/indicators/IND-06/observations")) {
                answer = List.of(observation("2023", "7.41", 1, true, null),
                        observation("2024", "7.45", 1, true, null), observation("2025", "7.5", 1, false, null),
                        observation("2025", "7.62", 2, true, "CPD statistical bulletin"));
            } else if (api.equals("/programmes/copyright-innovation/progress")) {
                answer = List.of(progress("CPD", "2025-Q3", "AT_RISK", 60, "平台建设滞后"),
                        progress("MCT", "2025-Q4", "DELAYED", 10, "MCT report"),
                        progress("CPD", "2025-Q4", "ON_TRACK", 80, "版权交易平台上线"));
            } else if (api.equals("/programmes/sme-ip-strategy/progress")) {
                answer = List.of(progress("CPD", "2025-Q2", "NOT_STARTED", 0, "筹备中"));
            } else if (api.startsWith("/programmes/") && api.endsWith("/progress")) {
                answer = List.of();
            } else if (api.endsWith("/accept") || api.endsWith("/return")) {
                String[] segments = api.split("/");
                String key = segments[2] + "/" + segments[3];
                Map<String, Object> cell = cells.get(key);
                JsonNode request = JSON.readTree(body.isEmpty() ? "{}" : body);
                boolean zh = language != null && language.startsWith("zh");
                if (!token.equals(leadToken)) {
                    status = 403;
                    answer = problem(403, "only the lead agency of plan 'ip-2021-2025', CNIPA, reviews its quarterly"
                            + " updates; the token's agency is SAMR", List.of());
                } else if (api.endsWith("/return")
                        && (!request.hasNonNull("reason") || request.get("reason").asString().isBlank())) {
                    status = 400;
                    answer = problem(400, "reason: " + (zh ? "退回理由不能为空" : "must not be blank"),
                            List.of(Map.of("field", "reason", "message", zh ? "退回理由不能为空" : "must not be blank")));
                } else if (!String.valueOf(cell.get("state")).startsWith("SUBMITTED")) {
                    status = 409;
                    answer = problem(409, segments[2] + "'s update for " + segments[3] + " is "
                            + (cell.get("state").equals("ACCEPTED") ? "ACCEPTED" : "RETURNED")
                            + ", not SUBMITTED: only a submitted update can be accepted or returned", List.of());
                } else {
                    String outcome = api.endsWith("/accept") ? "ACCEPTED" : "RETURNED";
                    List<String> items = new ArrayList<>();
                    request.path("items").forEach(i -> items.add(i.asString()));
                    cell.put("state", outcome);
                    cell.put("review", review(outcome, api.endsWith("/return") ? request.path("reason").asString()
                            : null, items));
                    status = 202;
                    answer = Map.of("eventId", java.util.UUID.randomUUID().toString(), "agency", segments[2],
                            "quarter", segments[3], "status", "ACCEPTED", "state", outcome);
                }
            } else {
                status = 404;
                answer = problem(404, "unknown resource " + api, List.of());
            }
            byte[] bytes = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type",
                    status >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        private void cell(String agency, String quarter, String state, Instant submittedAt, Boolean onTime,
                Map<String, Object> review) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("agency", agency);
            cell.put("quarter", quarter);
            cell.put("state", state);
            cell.put("deadline", "2026-01-15T16:00:00Z");
            cell.put("submittedAt", submittedAt == null ? null : submittedAt.toString());
            cell.put("firstSubmittedAt", submittedAt == null ? null : submittedAt.toString());
            cell.put("onTime", onTime);
            cell.put("review", review);
            cell.put("eventId", null);
            cells.put(agency + "/" + quarter, cell);
        }

        private static Map<String, Object> review(String outcome, String reason, List<String> items) {
            Map<String, Object> review = new LinkedHashMap<>();
            review.put("outcome", outcome);
            review.put("reviewer", "CNIPA");
            review.put("reviewedAt", "2025-11-01T02:00:00Z");
            review.put("reason", reason);
            review.put("items", items);
            review.put("eventId", java.util.UUID.randomUUID().toString());
            return review;
        }

        private static Map<String, Object> observation(String period, String value, int revision, boolean current,
                String source) {
            Map<String, Object> observation = new LinkedHashMap<>();
            observation.put("eventId", java.util.UUID.randomUUID().toString());
            observation.put("indicator", "IND-06");
            observation.put("agency", "CPD");
            observation.put("period", period);
            observation.put("value", new java.math.BigDecimal(value));
            observation.put("comment", null);
            observation.put("source", source);
            observation.put("unit", "percent");
            observation.put("recordedAt", "2025-12-01T02:00:00Z");
            observation.put("revision", revision);
            observation.put("current", current);
            return observation;
        }

        private static Map<String, Object> progress(String agency, String quarter, String status, int percent,
                String summary) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("eventId", java.util.UUID.randomUUID().toString());
            report.put("programme", "copyright-innovation");
            report.put("agency", agency);
            report.put("quarter", quarter);
            report.put("status", status);
            report.put("percentComplete", percent);
            report.put("summary", summary);
            report.put("risks", null);
            report.put("measures", List.of(Map.of("code", "industry-strengths", "status", status, "note", summary)));
            report.put("milestones", List.of());
            report.put("recordedAt", "2025-12-01T02:00:00Z");
            report.put("revision", 1);
            report.put("current", true);
            return report;
        }

        private static Map<String, Object> problem(int status, String detail, List<Map<String, String>> errors) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://planwatch.cn/problems/refused");
            problem.put("title", "Refused");
            problem.put("status", status);
            problem.put("detail", detail);
            problem.put("errors", errors);
            return problem;
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        List<Call> calls() {
            return calls;
        }

        synchronized void stop() {
            if (!stopped) {
                stopped = true;
                server.stop(0);
            }
        }
    }
}
