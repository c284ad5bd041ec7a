package cn.gov.planwatch.reporting.desk;

import cn.gov.planwatch.contracts.access.PageCsrfToken;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ministry's desk as reporting-service renders it (the gateway relays the person's token as a bearer token and
 * checks the forms' CSRF token), with programme-service and indicator-service as stand-ins that record what the page
 * sent them and answer as their APIs do. Real broker, real database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskIT extends ServiceFixture {

    private static final String PLAN = "/dashboard/plans/ip-2021-2025/desk";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String REASON = "请补充商业秘密保护工程第三季度的里程碑数据";

    private static final ProgrammeServiceStandIn PROGRAMME_SERVICE = new ProgrammeServiceStandIn();
    private static final StandIn INDICATOR_SERVICE = new StandIn(DeskIT::indicatorService);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("planwatch.services.programme-service", PROGRAMME_SERVICE.server::url);
        registry.add("planwatch.services.indicator-service", INDICATOR_SERVICE::url);
    }

    @AfterAll
    static void stop() {
        PROGRAMME_SERVICE.server.stop();
        INDICATOR_SERVICE.stop();
    }

    @AfterEach
    void answerAgain() {
        PROGRAMME_SERVICE.server.silent = false;
    }

    private final TestTokens tokens = TestTokens.shared();
    private final String samrToken = tokens.person("wang.fang", "SAMR", "reporter");

    /** SAMR's reporter, as the gateway relays the person's session. */
    private HttpCalls samr() {
        return http().withToken(samrToken);
    }

    @Test
    @Order(1)
    void aReporterOfSamrSeesItsQuartersTheReturnedOneWithTheLeadsReasonAndItsProgrammesMarked() {
        HttpResponse<String> zh = samr().withHeader(PageCsrfToken.HEADER, "session-token-from-gateway")
                .get(PLAN + "?lang=zh");

        assertThat(zh.statusCode()).as(zh.body()).isEqualTo(200);
        assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String page = zh.body();
        assertThat(page).contains("lang=\"zh-CN\"", "报送工作台：市场监管总局", "季度更新", "2025-Q2", "已接受", "2025-Q4",
                        "逾期未报", "/assets/dashboard/desk.css")
                .doesNotContain("<script", "style=\"");
        assertThat(row(page, "2025-Q3")).as("the returned quarter, due on its last day in the plan's zone")
                .contains("已退回", "2025-10-15", "geographical-indications", "trade-secrets");
        assertThat(section(page, "returned")).as("the lead's reason, and the item it names, linked")
                .contains("牵头部门已退回：2025-Q3", "CNIPA", REASON, "href=\"#programme-trade-secrets\"");
        assertThat(article(page, "programme-trade-secrets")).contains("card flagged", "牵头部门退回时指明的项目",
                "商业秘密保护工程", "牵头部门", "第 1 版").doesNotContain("退回后已修改");
        assertThat(article(page, "programme-geographical-indications")).contains("参与部门", "建成100个国家地理标志产品保护示范区")
                .doesNotContain("card flagged");
        assertThat(page).as("only the programmes SAMR takes part in").doesNotContain("programme-protection-centres");
        assertThat(section(page, "submit")).as("what is still missing, before submitting")
                .contains("提交前请核对", "href=\"#programme-geographical-indications\"",
                        "href=\"#programme-trade-secrets\"", "提交本季度更新");
        for (String form : List.of("submit-form", "form-programme-trade-secrets",
                "form-programme-geographical-indications")) {
            assertThat(form(page, form)).as(form + ": the session's CSRF token, which the gateway checks")
                    .contains("method=\"post\"", "name=\"_csrf\" value=\"session-token-from-gateway\"",
                    "name=\"quarter\" value=\"2025-Q3\"");
        }
        assertThat(form(page, "form-programme-trade-secrets")).as("prefilled from the quarter's report")
                .contains("value=\"ON_TRACK\" selected=\"selected\"", "value=\"55\"", "指引已起草", "name=\"measure.policy.status\"",
                        "for=\"programme-trade-secrets-percentComplete\"");
        assertThat(PROGRAMME_SERVICE.server.calls()).as("read as the person, in the page's language").contains(
                "GET /api/v1/plans/ip-2021-2025/quarterly-updates/SAMR Bearer " + samrToken + " zh-CN",
                "GET /api/v1/plans/ip-2021-2025/programmes/trade-secrets/progress Bearer " + samrToken + " zh-CN");

        HttpResponse<String> en = samr().withHeader("Accept-Language", "en-GB,en;q=0.8").get("/dashboard/desk");
        assertThat(en.statusCode()).as(en.body()).isEqualTo(200);
        assertThat(en.body()).contains("lang=\"en\"", "Reporting desk: State Administration for Market Regulation",
                "Returned by the lead agency: 2025-Q3", "Trade-secret protection", "Named in the lead agency",
                "action=\"/dashboard/desk/programmes/trade-secrets/progress?lang=en\"");
        assertThat(PROGRAMME_SERVICE.server.calls()).as("the unscoped desk is the default plan's")
                .contains("GET /api/v1/plans/ip-2021-2025/quarterly-updates/SAMR Bearer " + samrToken + " en");

        for (String token : List.of(tokens.lead(), tokens.operator())) {
            HttpCalls other = http().withToken(token);
            assertThat(other.get(PLAN).statusCode()).isEqualTo(403);
            assertThat(other.post(PLAN + "/quarter", FORM, "_csrf=x&quarter=2025-Q3").statusCode()).isEqualTo(403);
        }
    }

    @Test
    @Order(2)
    void aRefusedProgressReportComesBackWithTheMessagesBesideTheFieldsThenASavedOneSaysSo() {
        String refusedBody = "_csrf=x&quarter=2025-Q3&status=ON_TRACK&percentComplete=150&summary="
                + encode("试点地区完成培训") + "&risks=&measure.policy.status=COMPLETED&measure.policy.note="
                + encode("指引已印发") + "&measure.capacity.status=&measure.capacity.note=";
        HttpResponse<String> refused = samr().post(PLAN + "/programmes/trade-secrets/progress?lang=zh", FORM,
                refusedBody);

        assertThat(refused.statusCode()).as("the form again, not an error page").isEqualTo(200);
        String form = form(refused.body(), "form-programme-trade-secrets");
        assertThat(form).as("the API's message beside the field, tied to it").contains(
                "id=\"programme-trade-secrets-percentComplete\"", "aria-invalid=\"true\"",
                "aria-describedby=\"programme-trade-secrets-percentComplete-error\"",
                "id=\"programme-trade-secrets-percentComplete-error\"", "完成百分比须为 0 到 100 的整数",
                "id=\"programme-trade-secrets-measure-policy-note-error\"", "说明含有不可打印字符")
                .as("what the person typed").contains("value=\"150\"", "试点地区完成培训", "value=\"指引已印发\"",
                        "value=\"COMPLETED\" selected=\"selected\"");
        assertThat(section(refused.body(), "refusal")).contains("未保存", "请更正“商业秘密保护工程”中标出的字段",
                "href=\"#programme-trade-secrets-percentComplete\"");
        assertThat(PROGRAMME_SERVICE.server.calls()).contains("POST /api/v1/plans/ip-2021-2025/programmes/trade-secrets"
                + "/progress Bearer " + samrToken + " zh-CN {\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\","
                + "\"percentComplete\":150,\"summary\":\"试点地区完成培训\",\"risks\":null,\"measures\":[{\"code\":"
                + "\"policy\",\"status\":\"COMPLETED\",\"note\":\"指引已印发\"}],\"milestones\":[]}");

        HttpResponse<String> milestone = samr().post(PLAN + "/programmes/geographical-indications/progress?lang=zh",
                FORM, "_csrf=x&quarter=2025-Q3&status=AT_RISK&percentComplete=40&summary=&risks="
                        + "&milestone.gi-demo-zones.value=-3");
        assertThat(form(milestone.body(), "form-programme-geographical-indications")).as("a listed entry's message,"
                + " beside the field it came from").contains("value=\"-3\"", "须不小于 0（累计值）",
                "id=\"programme-geographical-indications-milestone-gi-demo-zones-value-error\"");
        assertThat(PROGRAMME_SERVICE.server.calls()).anyMatch(call -> call.endsWith(
                "\"milestones\":[{\"code\":\"gi-demo-zones\",\"value\":-3}]}"));

        HttpResponse<String> saved = samr().post(PLAN + "/programmes/trade-secrets/progress?lang=zh", FORM,
                refusedBody.replace("percentComplete=150", "percentComplete=70"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains(PLAN + "?lang=zh&quarter=2025-Q3&saved=progress&item=trade-secrets",
                "#programme-trade-secrets");

        HttpResponse<String> after = samr().get(location.substring(location.indexOf("/dashboard"),
                location.indexOf('#')));
        assertThat(after.body()).contains("商业秘密保护工程 2025-Q3 的进展已记录", "role=\"status\"");
        assertThat(article(after.body(), "programme-trade-secrets")).contains("退回后已修改", "第 2 版");
        assertThat(section(after.body(), "submit")).doesNotContain("href=\"#programme-trade-secrets\"");
    }

    @Test
    @Order(3)
    void aLockedQuarterIsRefusedWithTheServicesOwnWords() {
        HttpResponse<String> refused = samr().withHeader("Accept-Language", "en").post(
                PLAN + "/programmes/trade-secrets/progress?lang=en", FORM,
                "_csrf=x&quarter=2025-Q2&status=COMPLETED&percentComplete=100&summary=&risks=");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(section(refused.body(), "submit")).contains("Accepted by the lead agency: the quarter is locked");
        assertThat(section(refused.body(), "refusal")).contains("Not saved",
                "The quarter 2025-Q2 of SAMR is locked: the lead agency accepted its update");
        assertThat(form(refused.body(), "form-programme-trade-secrets")).contains("value=\"COMPLETED\" selected=\"selected\"",
                "value=\"100\"", "name=\"quarter\" value=\"2025-Q2\"");

        HttpResponse<String> unknownPlan = samr().get("/dashboard/plans/no-such-plan/desk?lang=en");
        assertThat(unknownPlan.statusCode()).as("the service's refusal, on the page").isEqualTo(200);
        assertThat(unknownPlan.body()).contains("The quarters could not be read: not in the stand-in");
    }

    @Test
    @Order(4)
    void aReporterChecksWhatIsMissingAndSubmitsTheQuarter() {
        HttpCalls cpd = http().withToken(tokens.person("li.na", "CPD", "reporter"));
        HttpResponse<String> before = cpd.get(PLAN + "?lang=en&quarter=2025-Q4");
        assertThat(section(before.body(), "submit")).contains("Submit 2025-Q4", "the quarter still lacks",
                "href=\"#indicator-IND-06\"", "You may submit anyway");

        HttpResponse<String> submitted = cpd.post(PLAN + "/quarter?lang=en", FORM, "_csrf=x&quarter=2025-Q4");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(303);
        assertThat(PROGRAMME_SERVICE.server.calls()).anyMatch(call -> call.startsWith(
                "POST /api/v1/plans/ip-2021-2025/quarterly-updates Bearer ") && call.endsWith(
                " en {\"quarter\":\"2025-Q4\"}"));
        String location = submitted.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> after = cpd.get(location.substring(location.indexOf("/dashboard"),
                location.indexOf('#')));
        assertThat(after.body()).contains("The update for 2025-Q4 was submitted to the lead agency for review.");
        assertThat(section(after.body(), "submit")).contains("On time", "awaits the lead agency")
                .doesNotContain("submit-form");

        HttpResponse<String> again = cpd.post(PLAN + "/quarter?lang=en", FORM, "_csrf=x&quarter=2025-Q4");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(section(again.body(), "refusal")).contains("already submitted and awaits the lead agency");
    }

    @Test
    @Order(5)
    void anIndicatorValueIsReportedInItsUnitAndARefusalNamesTheValue() {
        String token = tokens.person("li.na", "CPD", "reporter");
        HttpCalls cpd = http().withToken(token);
        HttpResponse<String> page = cpd.get(PLAN + "?lang=zh&quarter=2025-Q4");
        String card = article(page.body(), "indicator-IND-06");
        assertThat(card).contains("版权产业增加值占 GDP 比重", "单位：%", "7.41", "初步统计", "已被修订", "7.43",
                "须随本季度更新报送（2025 年数值）", "name=\"period\"", "value=\"2025\"", "name=\"_csrf\"");
        assertThat(INDICATOR_SERVICE.calls()).contains(
                "GET /api/v1/plans/ip-2021-2025/indicators/IND-06/observations Bearer " + token + " zh-CN");

        HttpResponse<String> refused = cpd.post(PLAN + "/indicators/IND-06?lang=zh", FORM,
                "_csrf=x&quarter=2025-Q4&period=2025&value=170&comment=&source=" + encode("统计公报"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(form(refused.body(), "form-indicator-IND-06")).contains("id=\"indicator-IND-06-value-error\"",
                "超出该指标的取值范围（0–100）", "aria-invalid=\"true\"", "value=\"170\"", "value=\"统计公报\"");

        HttpResponse<String> hostile = cpd.post(PLAN + "/indicators/%7Bx%7D%20y?lang=en", FORM,
                "_csrf=x&quarter=2025-Q4&period=2025&value=1");
        assertThat(hostile.statusCode()).as("whatever the address holds, the service judges it").isEqualTo(200);
        assertThat(section(hostile.body(), "refusal")).contains("not in the stand-in");
        assertThat(INDICATOR_SERVICE.calls()).anyMatch(call -> call.startsWith(
                "POST /api/v1/plans/ip-2021-2025/indicators/{x} y/observations"));

        HttpResponse<String> saved = cpd.post(PLAN + "/indicators/IND-06?lang=zh", FORM,
                "_csrf=x&quarter=2025-Q4&period=2025&value=7.45&comment=&source=" + encode("统计公报"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).contains("saved=indicator&item=IND-06");
        assertThat(INDICATOR_SERVICE.calls()).contains("POST /api/v1/plans/ip-2021-2025/indicators/IND-06/observations"
                + " Bearer " + token + " zh-CN {\"period\":\"2025\",\"value\":7.45,\"comment\":null,\"source\":"
                + "\"统计公报\"}");
    }

    @Test
    @Order(6)
    void aServiceThatDoesNotAnswerIsSaidSoOnThePageAndTheTypedValuesAreKept() {
        PROGRAMME_SERVICE.server.silent = true;

        HttpResponse<String> page = samr().get(PLAN + "?lang=en");
        assertThat(page.statusCode()).as("said on the page, not a server error").isEqualTo(200);
        assertThat(page.body()).contains("programme-service does not answer");

        HttpResponse<String> notSaved = samr().post(PLAN + "/programmes/trade-secrets/progress?lang=zh", FORM,
                "_csrf=x&quarter=2025-Q3&status=AT_RISK&percentComplete=40&summary=x&risks=");
        assertThat(notSaved.statusCode()).isEqualTo(200);
        assertThat(notSaved.body()).contains("programme-service 无响应，未保存任何内容");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String form(String page, String id) {
        return element(page, "form", id);
    }

    private static String article(String page, String id) {
        return element(page, "article", id);
    }

    /** A section, or a notice (a div without nested divs), by its id. */
    private static String section(String page, String id) {
        return page.contains("<section id=\"" + id + "\"") ? element(page, "section", id) : element(page, "div", id);
    }

    private static String row(String page, String quarter) {
        Matcher matcher = Pattern.compile("<tr data-quarter=\"" + quarter + "\">[\\s\\S]*?</tr>").matcher(page);
        assertThat(matcher.find()).as("row " + quarter).isTrue();
        return matcher.group();
    }

    private static String element(String page, String tag, String id) {
        Matcher matcher = Pattern.compile("<" + tag + " id=\"" + id + "\"[\\s\\S]*?</" + tag + ">").matcher(page);
        assertThat(matcher.find()).as(tag + " " + id + " in " + page).isTrue();
        // Attributes as a browser reads them, wherever the template broke the line.
        return matcher.group().replaceAll("\\s+", " ");
    }

    /** indicator-service as the desk reads and writes it: IND-06 (CPD's), with a revised 2024 value. */
    private static StandIn.Reply indicatorService(StandIn.Request request) {
        if (request.method().equals("GET") && request.path().endsWith("/indicators")) {
            return StandIn.Reply.json(200, """
                    [{"code":"IND-01","number":1,"nameZh":"每万人口高价值发明专利拥有量","nameEn":"High-value invention \
                    patents per 10,000 population","unit":{"code":"patents","symbolZh":"件","nameEn":"patents",\
                    "kind":"COUNT"},"responsibleAgency":"CNIPA","frequency":"ANNUAL"},
                     {"code":"IND-06","number":6,"nameZh":"版权产业增加值占 GDP 比重","nameEn":"Copyright industries' \
                    value added, share of GDP","unit":{"code":"percent","symbolZh":"%","nameEn":"percent",\
                    "kind":"SHARE_PERCENT"},"responsibleAgency":"CPD","frequency":"ANNUAL"}]""");
        }
        if (request.method().equals("GET") && request.path().endsWith("/IND-06/observations")) {
            return StandIn.Reply.json(200, """
                    [{"eventId":"0193a4c2-7d1e-7b3a-9f2e-5c8d1a2b3c4d","indicator":"IND-06","agency":"CPD",\
                    "period":"2024","value":7.41,"comment":"初步统计","source":null,"unit":"percent",\
                    "recordedAt":"2025-03-01T02:00:00Z","revision":1,"current":false},
                     {"eventId":"0193a4c2-7d1e-7b3a-9f2e-5c8d1a2b3c4e","indicator":"IND-06","agency":"CPD",\
                    "period":"2024","value":7.43,"comment":"年报","source":"国家版权局","unit":"percent",\
                    "recordedAt":"2025-06-01T02:00:00Z","revision":2,"current":true}]""");
        }
        if (request.method().equals("POST") && request.path().endsWith("/IND-06/observations")) {
            if (request.body().contains("\"value\":170")) {
                return StandIn.Reply.problem(422, "value: 超出该指标的取值范围（0–100）",
                        "[{\"field\":\"value\",\"message\":\"超出该指标的取值范围（0–100）\"}]");
            }
            return StandIn.Reply.json(202, "{\"eventId\":\"0193a4c2-7d1e-7b3a-9f2e-5c8d1a2b3c4f\",\"indicator\":"
                    + "\"IND-06\",\"period\":\"2025\",\"status\":\"ACCEPTED\"}");
        }
        return StandIn.Reply.problem(404, "not in the stand-in", "[]");
    }

    /** programme-service as the desk reads and writes it: SAMR's 2025-Q3 returned, CPD's 2025-Q4 due. */
    private static final class ProgrammeServiceStandIn {

        private final List<String> samrReports = new CopyOnWriteArrayList<>(List.of(
                report("SAMR", "2025-Q3", "ON_TRACK", 55, "指引已起草", "2025-10-10T02:00:00Z", 1),
                report("SPC", "2025-Q3", "AT_RISK", 20, "最高法的报告", "2025-10-11T02:00:00Z", 1)));
        private volatile boolean cpdSubmitted;
        private final StandIn server = new StandIn(this::answer);

        private StandIn.Reply answer(StandIn.Request request) {
            String path = request.path().replace("/api/v1/plans/ip-2021-2025", "");
            String method = request.method();
            if (method.equals("GET") && path.equals("/quarterly-updates/SAMR")) {
                return StandIn.Reply.json(200, quarters("SAMR", "[\"trade-secrets\",\"geographical-indications\"]",
                        "[]", cell("2025-Q2", "ACCEPTED", "2025-07-15T16:00:00Z", null)
                                + "," + cell("2025-Q3", "RETURNED", "2025-10-15T16:00:00Z", """
                                {"outcome":"RETURNED","reviewer":"CNIPA","reviewedAt":"2025-10-20T02:00:00Z",\
                                "reason":"%s","items":["trade-secrets"],\
                                "eventId":"5d0c8f3e-1b7a-4c2e-9f64-8a3b2c1d0e9f"}""".formatted(REASON))
                                + "," + cell("2025-Q4", "OVERDUE", "2026-01-15T16:00:00Z", null)));
            }
            if (method.equals("GET") && path.equals("/quarterly-updates/CPD")) {
                return StandIn.Reply.json(200, quarters("CPD", "[]", "[\"IND-06\"]",
                        cell("2025-Q4", cpdSubmitted ? "SUBMITTED_ON_TIME" : "DUE", "2026-01-15T16:00:00Z", null)));
            }
            if (method.equals("GET") && path.startsWith("/api/v1/agencies/")) {
                return StandIn.Reply.json(200, path.endsWith("SAMR")
                        ? "{\"code\":\"SAMR\",\"nameZh\":\"市场监管总局\",\"nameEn\":\"State Administration for Market"
                        + " Regulation\",\"note\":null,\"plans\":[\"ip-2021-2025\"]}"
                        : "{\"code\":\"CPD\",\"nameZh\":\"中宣部（国家版权局）\",\"nameEn\":\"Publicity Department\","
                        + "\"note\":null,\"plans\":[\"ip-2021-2025\"]}");
            }
            if (method.equals("GET") && path.equals("/programmes")) {
                return StandIn.Reply.json(200, """
                        [{"slug":"trade-secrets","box":1,"titleZh":"商业秘密保护工程","titleEn":"Trade-secret protection",\
                        "leadAgency":"SAMR","participatingAgencies":["SPC","MPS"],"measures":[\
                        {"code":"policy","titleZh":"健全商业秘密保护政策","titleEn":"Improve trade-secret protection policy",\
                        "leadAgency":null,"agencies":[]},\
                        {"code":"capacity","titleZh":"提升市场主体商业秘密保护能力","titleEn":"Raise capacity",\
                        "leadAgency":null,"agencies":[]}],"milestones":[]},
                         {"slug":"protection-centres","box":3,"titleZh":"知识产权保护机构建设工程","titleEn":"IP protection \
                        institutions","leadAgency":"CNIPA","participatingAgencies":[],"measures":[],"milestones":[]},
                         {"slug":"geographical-indications","box":5,"titleZh":"地理标志保护工程","titleEn":\
                        "Geographical-indication protection","leadAgency":"CNIPA","participatingAgencies":["SAMR","MARA"],\
                        "measures":[],"milestones":[{"code":"gi-demo-zones","nameZh":"建成100个国家地理标志产品保护示范区",\
                        "nameEn":"National GI-product protection demonstration zones built","target":100,\
                        "unit":"zones","measure":null}]}]""");
            }
            if (method.equals("GET") && path.equals("/programmes/trade-secrets/progress")) {
                return StandIn.Reply.json(200, "[" + String.join(",", samrReports) + "]");
            }
            if (method.equals("GET") && path.endsWith("/progress")) {
                return StandIn.Reply.json(200, "[]");
            }
            if (method.equals("POST") && path.equals("/programmes/trade-secrets/progress")) {
                if (request.body().contains("\"quarter\":\"2025-Q2\"")) {
                    return StandIn.Reply.problem(409, "The quarter 2025-Q2 of SAMR is locked: the lead agency"
                            + " accepted its update", "[]");
                }
                if (request.body().contains("\"percentComplete\":150")) {
                    return StandIn.Reply.problem(422, "percentComplete: 完成百分比须为 0 到 100 的整数",
                            "[{\"field\":\"percentComplete\",\"message\":\"完成百分比须为 0 到 100 的整数\"},"
                            + "{\"field\":\"measures[0].note\",\"message\":\"说明含有不可打印字符\"}]");
                }
                samrReports.set(0, report("SAMR", "2025-Q3", "ON_TRACK", 55, "指引已起草", "2025-10-10T02:00:00Z", 1)
                        .replace("\"current\":true", "\"current\":false"));
                samrReports.add(report("SAMR", "2025-Q3", "ON_TRACK", 70, "试点地区完成培训", Instant.now().toString(),
                        2));
                return StandIn.Reply.json(202, "{\"eventId\":\"0b6f1a52-6a3e-4a53-9d4e-2f1c3b7a9e10\",\"programme\":"
                        + "\"trade-secrets\",\"quarter\":\"2025-Q3\",\"status\":\"ACCEPTED\"}");
            }
            if (method.equals("POST") && path.equals("/programmes/geographical-indications/progress")) {
                return StandIn.Reply.problem(422, "milestones[0].value: 须不小于 0（累计值）",
                        "[{\"field\":\"milestones[0].value\",\"message\":\"须不小于 0（累计值）\"}]");
            }
            if (method.equals("POST") && path.equals("/quarterly-updates")) {
                if (cpdSubmitted) {
                    return StandIn.Reply.problem(409, "The update for 2025-Q4 is already submitted and awaits the"
                            + " lead agency's review", "[]");
                }
                cpdSubmitted = true;
                return StandIn.Reply.json(202, "{\"eventId\":\"5d0c8f3e-1b7a-4c2e-9f64-8a3b2c1d0e90\",\"agency\":"
                        + "\"CPD\",\"quarter\":\"2025-Q4\",\"status\":\"ACCEPTED\",\"state\":\"SUBMITTED\"}");
            }
            return StandIn.Reply.problem(404, "not in the stand-in", "[]");
        }

        private static String quarters(String agency, String programmes, String indicators, String cells) {
            return "{\"asOf\":\"2026-02-01T00:00:00Z\",\"gracePeriod\":\"P15D\",\"programmes\":" + programmes
                    + ",\"indicators\":" + indicators + ",\"agency\":\"" + agency + "\",\"quarters\":[" + cells
                    + "],\"rates\":{\"owed\":3,\"reported\":1,\"reportingRate\":0.3333,\"submitted\":2,\"onTime\":2,"
                    + "\"onTimeRate\":1.0},\"history\":[]}";
        }

        private static String cell(String quarter, String state, String deadline, String review) {
            return "{\"agency\":\"SAMR\",\"quarter\":\"" + quarter + "\",\"state\":\"" + state + "\",\"deadline\":\""
                    + deadline + "\",\"submittedAt\":null,\"firstSubmittedAt\":null,\"onTime\":null,\"review\":"
                    + review + ",\"eventId\":null}";
        }

        private static String report(String agency, String quarter, String status, int percent, String summary,
                String recordedAt, int revision) {
            return "{\"eventId\":\"0b6f1a52-6a3e-4a53-9d4e-2f1c3b7a9e1" + revision + "\",\"programme\":"
                    + "\"trade-secrets\",\"agency\":\"" + agency + "\",\"quarter\":\"" + quarter + "\",\"status\":\""
                    + status + "\",\"percentComplete\":" + percent + ",\"summary\":\"" + summary + "\",\"risks\":null,"
                    + "\"measures\":[{\"code\":\"policy\",\"status\":\"ON_TRACK\",\"note\":null}],\"milestones\":[],"
                    + "\"recordedAt\":\"" + recordedAt + "\",\"revision\":" + revision + ",\"current\":true}";
        }
    }

    /**
     * A service's API in process: answers through {@code answers} and records each call as
     * {@code METHOD path Authorization Accept-Language [body]}. Silent, it drops every connection unanswered.
     */
    private static final class StandIn {

        record Request(String method, String path, String body) {
        }

        record Reply(int status, String contentType, String body) {

            static Reply json(int status, String body) {
                return new Reply(status, "application/json", body);
            }

            static Reply problem(int status, String detail, String errors) {
                return new Reply(status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Refused\","
                        + "\"status\":" + status + ",\"detail\":\"" + detail + "\",\"errors\":" + errors + "}");
            }
        }

        private final List<String> calls = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private volatile boolean silent;

        StandIn(Function<Request, Reply> answers) {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> answer(exchange, answers));
            server.start();
        }

        private void answer(HttpExchange exchange, Function<Request, Reply> answers) throws IOException {
            if (silent) {
                exchange.close();
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Accept-Language") + (body.isEmpty() ? "" : " " + body));
            Reply reply = answers.apply(new Request(exchange.getRequestMethod(), path, body));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        List<String> calls() {
            return calls;
        }

        void stop() {
            server.stop(0);
        }
    }
}
