package cn.gov.planwatch.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person at the lead agency, in a real headless Chromium: logs in through the gateway (authorization code +
 * PKCE at the auth server's login form), sees the dashboard with its charts, drills down to a figure's events and
 * switches to English; a screenshot goes to {@code launcher/target/dashboard-browser-it.png}. Every page it sees must
 * pass axe-core without a serious or critical violation and fit the screen, at 1400 px and at 375 px wide. The whole
 * stack runs as {@code ./run.sh} starts it, moved by 200 ports beside any other.
 *
 * <p>Chromium is driven through chromedriver's W3C WebDriver protocol (the protocol Selenium speaks), over plain
 * HTTP. It needs Debian's {@code chromium} and {@code chromium-driver}; where they are missing the test is skipped
 * with a loud message rather than failed.
 */
class DashboardBrowserIT {

    private static final Path ROOT = StackUnderTest.ROOT;
    private static final int OFFSET = 200;
    private static final StackUnderTest STACK = new StackUnderTest("dashboard-browser-it", OFFSET);
    private static final String GATEWAY = STACK.gateway();
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Process chromedriver;
    private static String chromium;

    @BeforeAll
    static void startTheStackAndTheBrowserDriver() throws Exception {
        chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        String driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chromium == null || driver == null) {
            String message = "\n\n!!!!!!!!!! DashboardBrowserIT SKIPPED: no Chromium (" + chromium + ") or chromedriver ("
                    + driver + ") on this machine. Install Debian's 'chromium' and 'chromium-driver' to run the "
                    + "dashboard in a real browser. !!!!!!!!!!\n";
            System.err.println(message);
            Assumptions.abort(message);
        }
        STACK.startFresh();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        chromedriver = new ProcessBuilder(driver, "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(ROOT.resolve("launcher/target/chromedriver.log")
                        .toFile()))
                .start();
        WebDriver.url = "http://localhost:" + port;
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> WebDriver.call("GET", "/status", null).path("value").path("ready").asBoolean());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (chromedriver != null) {
            chromedriver.destroy();
            chromedriver.waitFor(10, TimeUnit.SECONDS);
        }
        STACK.stopIfRunning();
    }

    @Test
    void theLeadAgencyLogsInSeesTheFiguresDrillsDownAndSwitchesLanguage() throws Exception {
        String eventId = reportIndicatorValue();

        WebDriver browser = WebDriver.open(chromium);
        Accessibility accessibility = new Accessibility();
        try {
            // The gateway sends the person to the auth server's login form.
            browser.logIn(GATEWAY + "/", "lead");

            // Back on the gateway, on the dashboard (in the browser's language), with every chart drawn by ECharts.
            browser.await("document.body && document.body.getAttribute('data-charts-ready') === '9'");
            assertThat(browser.currentUrl()).startsWith(GATEWAY);
            browser.go(GATEWAY + "/?lang=zh");
            browser.await("document.body && document.body.getAttribute('data-charts-ready') === '9'");
            assertThat(browser.text("h1")).isEqualTo("国家规划实施总览");
            assertThat(browser.text("tr[data-indicator='IND-01'] .latest")).contains("11.8");
            assertThat(browser.text("tr[data-indicator='IND-01'] .badge")).isEqualTo("进展显著");
            assertThat(browser.text("tr[data-programme='geographical-indications'] .badge")).isEqualTo("正常推进");
            assertThat(browser.text("tr[data-programme='geographical-indications']")).contains("SAMR", "存在风险",
                    "37 / 100");
            assertThat(browser.script("return document.querySelectorAll('.chart canvas').length;").asInt())
                    .as("a canvas per indicator chart").isGreaterThanOrEqualTo(8);
            assertThat(browser.script("return document.querySelectorAll('.heatmap canvas').length;").asInt())
                    .isGreaterThanOrEqualTo(1);
            browser.screenshot(ROOT.resolve("launcher/target/dashboard-browser-it.png"));
            accessibility.check(browser, "overview", "zh");

            // Drill down from the number to the event behind it.
            browser.click("tr[data-indicator='IND-01'] .latest");
            browser.await("document.querySelector('#events') !== null");
            assertThat(browser.text("#events")).contains(eventId, "cnipa-reporter");
            browser.screenshot(ROOT.resolve("launcher/target/dashboard-browser-it-provenance.png"));
            accessibility.check(browser, "provenance", "zh");

            // The same page in English.
            browser.click("#switch-language");
            browser.await("document.querySelector('h1') && document.querySelector('h1').textContent === 'Provenance'");
            accessibility.check(browser, "provenance", "en");
            browser.go(GATEWAY + "/dashboard?lang=en");
            browser.await("document.body && document.body.getAttribute('data-charts-ready') === '9'");
            assertThat(browser.text("h1")).isEqualTo("National plan overview");
            assertThat(browser.text("tr[data-indicator='IND-01'] .badge")).isEqualTo("Substantial progress");
            browser.screenshot(ROOT.resolve("launcher/target/dashboard-browser-it-en.png"));
            accessibility.check(browser, "overview", "en");

            // The plan's evaluation, one link away, with the plans to switch to; the 14th plan's target year is over.
            browser.go(GATEWAY + "/dashboard?lang=zh");
            browser.await("document.body && document.body.getAttribute('data-charts-ready') === '9'");
            browser.click("#nav-evaluation");
            browser.await("document.querySelector('tr[data-indicator]') !== null");
            assertThat(browser.text("h1")).isEqualTo("规划终期评估");
            assertThat(browser.text("tr[data-indicator='IND-01']")).contains("11.8", "每万人口高价值发明专利拥有量");
            assertThat(browser.text("#plan-switcher")).contains("知识产权");
            browser.screenshot(ROOT.resolve("launcher/target/dashboard-browser-it-evaluation.png"));
            accessibility.check(browser, "evaluation", "zh");

            browser.click("#switch-language");
            browser.await("document.querySelector('h1') && document.querySelector('h1').textContent === "
                    + "'Final evaluation of the plan'");
            assertThat(browser.text("tr[data-indicator='IND-01']")).contains("11.8");
            accessibility.check(browser, "evaluation", "en");
            accessibility.assertNothingFound();
        } finally {
            browser.quit();
        }
    }

    @Test
    void anOperatorReplaysADeadLetterAndRebuildsTheObservationsAndSeesItFinish() throws Exception {
        String unreadable = deadLetterAnUnreadableRecord();

        WebDriver browser = WebDriver.open(chromium);
        Accessibility accessibility = new Accessibility();
        try {
            browser.logIn(GATEWAY + "/dashboard/ops?lang=zh", "operator");

            // Back on the console the operator asked for: every topic of the log, with its offsets.
            browser.await("document.querySelector('#topics') !== null");
            assertThat(browser.currentUrl()).startsWith(GATEWAY + "/dashboard/ops");
            assertThat(browser.text("#topics")).contains("planwatch.indicator-events", "planwatch.plan-events");
            accessibility.checkInBothLanguages(browser, "operators-streams");

            // The record nobody could read is a dead letter; the operator opens it and replays it, confirming first.
            browser.go(GATEWAY + "/dashboard/ops/dead-letters?lang=en");
            browser.await("document.querySelector('tr[data-dead-letter] a') !== null");
            accessibility.checkInBothLanguages(browser, "operators-dead-letters");
            browser.click("tr[data-dead-letter] a");
            browser.await("document.querySelector('#replay') !== null");
            assertThat(browser.text("main")).contains(unreadable, "planwatch.indicator-events");
            accessibility.checkInBothLanguages(browser, "operators-dead-letter");
            browser.click("#replay");
            browser.await("document.querySelector('#replay-form button') !== null");
            accessibility.checkInBothLanguages(browser, "operators-replay-confirm");
            browser.click("#replay-form button");
            browser.await("document.querySelector('#outcome .ok') !== null");
            assertThat(browser.text("#outcome")).as("the replay names the person who did it")
                    .contains("planwatch.indicator-events", "(by operator)");
            accessibility.check(browser, "operators-replay-outcome", "en");

            // The observations read model rebuilt from the log while the live one serves, followed to its end.
            browser.go(GATEWAY + "/dashboard/ops/rebuild?lang=en");
            // Every read model is listed with its own button; the operator rebuilds the observations.
            browser.await("document.querySelector('#rebuild-form-observations button') !== null");
            assertThat(browser.text("main")).contains("Observations", "Quarter locks", "National view", "Dead letters");
            browser.click("#rebuild-form-observations button");
            browser.await("document.querySelector('#start-outcome') !== null");
            assertThat(browser.text("#start-outcome")).isEqualTo("The rebuild of Observations has started.");
            // The page follows the rebuild by itself until the new model has taken over.
            browser.await("document.querySelector('#rebuild-status-observations [data-state=SWAPPED]') !== null");
            assertThat(browser.text("#rebuild-status-observations")).doesNotContain("—");
            accessibility.checkInBothLanguages(browser, "operators-rebuild");
            accessibility.assertNothingFound();
        } finally {
            browser.quit();
        }
    }

    @Test
    void aReporterOfSamrEntersAProgressReportWithAnErrorFixesItSavesAndSubmitsTheQuarter() throws Exception {
        WebDriver browser = WebDriver.open(chromium);
        Accessibility accessibility = new Accessibility();
        String percent = "#programme-trade-secrets-percentComplete";
        try {
            // A quarter no other journey touches: SAMR's 2025-Q2, overdue and not yet reported.
            browser.logIn(GATEWAY + "/dashboard/desk?lang=zh&quarter=2025-Q2", "samr");

            browser.await("document.querySelector('#form-programme-trade-secrets') !== null");
            assertThat(browser.currentUrl()).startsWith(GATEWAY + "/dashboard/desk");
            assertThat(browser.text("h1")).contains("市场监管总局");
            assertThat(browser.text("#quarter-state")).isEqualTo("逾期未报");
            assertThat(browser.text("#missing")).contains("trade-secrets", "geographical-indications");
            browser.screenshot(ROOT.resolve("launcher/target/desk-browser-it.png"));
            accessibility.checkInBothLanguages(browser, "desk");

            // A percentage over 100: the API refuses it, and the page says so beside the field, keeping what was typed.
            browser.script("document.querySelector('#programme-trade-secrets-status').value = 'ON_TRACK';");
            browser.retype(percent, "150");
            browser.retype("#programme-trade-secrets-summary", "商业秘密保护指引已发布");
            browser.click("#form-programme-trade-secrets button[type=submit]");
            browser.await("document.querySelector('" + percent + "-error') !== null");
            assertThat(browser.text(percent + "-error")).isNotEmpty();
            assertThat(browser.script("return document.querySelector('" + percent + "').getAttribute('aria-invalid');")
                    .asText()).isEqualTo("true");
            assertThat(browser.script("return document.querySelector('" + percent + "')"
                    + ".getAttribute('aria-describedby');").asText()).isEqualTo(percent.substring(1) + "-error");
            assertThat(browser.script("return document.querySelector('" + percent + "').value;").asText())
                    .isEqualTo("150");
            assertThat(browser.script("return document.querySelector('#programme-trade-secrets-summary').value;")
                    .asText()).isEqualTo("商业秘密保护指引已发布");
            accessibility.check(browser, "desk-refused", "zh");

            // Fixed and saved: the desk comes back (post/redirect/get) saying so.
            browser.retype(percent, "60");
            browser.click("#form-programme-trade-secrets button[type=submit]");
            browser.await("document.querySelector('#saved') !== null");
            assertThat(browser.text("#saved")).contains("商业秘密保护工程", "2025-Q2");
            String samr = STACK.token("samr-reporter");
            await().atMost(Duration.ofSeconds(15)).until(() -> get("/api/v1/programmes/trade-secrets/progress", samr)
                    .contains("商业秘密保护指引已发布"));

            // The check before submitting no longer names the programme just reported; then the quarter is submitted.
            browser.go(GATEWAY + "/dashboard/desk?lang=zh&quarter=2025-Q2");
            browser.await("document.querySelector('#submit-form') !== null");
            assertThat(browser.text("#missing")).doesNotContain("trade-secrets").contains("geographical-indications");
            browser.click("#submit-form button[type=submit]");
            browser.await("document.querySelector('#saved') !== null");
            assertThat(browser.text("#quarter-state")).isEqualTo("逾期报送");
            assertThat(browser.script("return document.querySelector('#submit-form') === null;").asBoolean()).isTrue();
            accessibility.check(browser, "desk-submitted", "zh");
            browser.click("#switch-language");
            browser.await("document.documentElement.lang === 'en'");
            accessibility.check(browser, "desk-submitted", "en");

            // The API shows the report and the submission, and the submission names the person who made it.
            String quarters = get("/api/v1/quarterly-updates/SAMR", samr);
            assertThat(quarters).contains("\"quarter\":\"2025-Q2\",\"state\":\"SUBMITTED_LATE\"");
            assertThat(JSON.readTree(quarters).path("history").toString()).contains("\"kind\":\"SUBMITTED\"",
                    "\"quarter\":\"2025-Q2\"", "\"actor\":\"samr\"");
            // The national view's provenance of both figures names the person, not only the gateway's client.
            String lead = STACK.token("cnipa-lead");
            await().atMost(Duration.ofSeconds(15)).until(() -> provenance("compliance:SAMR/2025-Q2", lead)
                    .contains("\"actor\":\"samr\""));
            assertThat(provenance("programme:trade-secrets", lead))
                    .contains("\"actor\":\"samr\"");
            accessibility.assertNothingFound();
        } finally {
            browser.quit();
        }
    }

    @Test
    void theLeadReturnsSamrsQuarterTheReporterCorrectsAndResubmitsTheLeadAcceptsAndTheQuarterIsLocked()
            throws Exception {
        // SAMR's 2025-Q1, reported and submitted by its own system: a quarter no other journey touches.
        String samr = STACK.token("samr-reporter");
        String tradeSecrets = "/api/v1/programmes/trade-secrets/progress";
        post(tradeSecrets, "{\"quarter\":\"2025-Q1\",\"status\":\"ON_TRACK\",\"percentComplete\":95,"
                + "\"summary\":\"指引起草完成\"}", samr);
        post("/api/v1/programmes/geographical-indications/progress", "{\"quarter\":\"2025-Q1\",\"status\":\"ON_TRACK\","
                + "\"percentComplete\":30,\"summary\":\"示范区遴选\"}", samr);
        post("/api/v1/quarterly-updates", "{\"quarter\":\"2025-Q1\"}", samr);
        String reason = "商业秘密保护工程的完成比例与报送材料不符，请核实后重报。";
        String samrQuarter = "tr[data-agency='SAMR'][data-quarter='2025-Q1']";

        WebDriver lead = WebDriver.open(chromium);
        WebDriver reporter = WebDriver.open(chromium);
        Accessibility accessibility = new Accessibility();
        try {
            // The lead opens the queue and SAMR's quarter, and returns it naming one programme.
            lead.logIn(GATEWAY + "/dashboard/review?lang=zh", "lead");
            lead.await("document.querySelector(\"" + samrQuarter + " a\") !== null");
            accessibility.check(lead, "review-queue", "zh");
            lead.click(samrQuarter + " a");
            lead.await("document.querySelector('#return-form') !== null");
            assertThat(lead.text("#programmes")).contains("95", "指引起草完成");
            accessibility.checkInBothLanguages(lead, "review-quarter");
            lead.type("#reason", reason);
            lead.click("#items input[value='trade-secrets']");
            lead.click("#return-form button[type=submit]");
            lead.await("document.querySelector('#outcome [data-state]') !== null");
            assertThat(lead.script("return document.querySelector('#outcome [data-state]').dataset.state;").asText())
                    .isEqualTo("RETURNED");
            accessibility.checkInBothLanguages(lead, "review-queue-returned");

            // The reporter sees the reason and the programme it names, corrects it and submits the quarter again.
            reporter.logIn(GATEWAY + "/dashboard/desk?lang=zh&quarter=2025-Q1", "samr");
            reporter.await("document.querySelector('#return-reason') !== null");
            assertThat(reporter.text("#return-reason")).isEqualTo(reason);
            assertThat(reporter.text("#return-items")).contains("商业秘密");
            assertThat(reporter.script("return document.querySelector('#form-programme-trade-secrets')"
                    + ".closest('article').classList.contains('flagged');").asBoolean())
                    .as("the programme the lead named is marked").isTrue();
            assertThat(reporter.script("return document.querySelector('#form-programme-geographical-indications')"
                    + ".closest('article').classList.contains('flagged');").asBoolean()).isFalse();
            accessibility.checkInBothLanguages(reporter, "desk-returned");
            String percent = "#programme-trade-secrets-percentComplete";
            reporter.script("document.querySelector('#programme-trade-secrets-status').value = 'ON_TRACK';");
            reporter.retype(percent, "75");
            reporter.retype("#programme-trade-secrets-summary", "已核实：指引起草完成四分之三");
            reporter.click("#form-programme-trade-secrets button[type=submit]");
            reporter.await("document.querySelector('#saved') !== null");
            await().atMost(Duration.ofSeconds(15)).until(() -> get(tradeSecrets, samr).contains("已核实"));
            reporter.go(GATEWAY + "/dashboard/desk?lang=zh&quarter=2025-Q1");
            reporter.await("document.querySelector('#submit-form') !== null");
            reporter.click("#submit-form button[type=submit]");
            reporter.await("document.querySelector('#saved') !== null");

            // The lead finds it waiting again, with the correction, and accepts it.
            lead.go(GATEWAY + "/dashboard/review?lang=zh");
            lead.await("document.querySelector(\"" + samrQuarter + " a\") !== null");
            lead.click(samrQuarter + " a");
            lead.await("document.querySelector('#accept-form') !== null");
            assertThat(lead.text("#programmes")).contains("75", "已核实");
            lead.click("#accept-form button[type=submit]");
            lead.await("document.querySelector('#outcome [data-state]') !== null");
            assertThat(lead.script("return document.querySelector('#outcome [data-state]').dataset.state;").asText())
                    .isEqualTo("ACCEPTED");
            assertThat(lead.script("return document.querySelector(\"" + samrQuarter + "\") === null;").asBoolean())
                    .as("nothing of SAMR's 2025-Q1 waits any more").isTrue();

            // The reporter's page shows the quarter locked, and a change is refused with the API's own message.
            reporter.go(GATEWAY + "/dashboard/desk?lang=zh&quarter=2025-Q1");
            reporter.await("document.querySelector('#quarter-state') !== null");
            assertThat(reporter.script("return document.querySelector('#quarter-state').className;").asText())
                    .contains("state-ACCEPTED");
            reporter.script("document.querySelector('#programme-trade-secrets-status').value = 'ON_TRACK';");
            reporter.retype(percent, "80");
            reporter.click("#form-programme-trade-secrets button[type=submit]");
            reporter.await("document.querySelector('#refusal') !== null");
            assertThat(reporter.text("#refusal")).contains("锁定");
            accessibility.check(reporter, "desk-locked", "zh");
            reporter.click("#switch-language");
            reporter.await("document.documentElement.lang === 'en'");
            accessibility.check(reporter, "desk-locked", "en");
            lead.go(GATEWAY + "/dashboard/review?lang=en");
            lead.await("document.querySelector('h1') !== null");
            accessibility.check(lead, "review-queue", "en");
            assertThat(get("/api/v1/quarterly-updates/SAMR", samr))
                    .contains("\"quarter\":\"2025-Q1\",\"state\":\"ACCEPTED\"");
            accessibility.assertNothingFound();
        } finally {
            lead.quit();
            reporter.quit();
        }
    }

    /**
     * A record no consumer can read, written straight to the log as a faulty producer would: each projector sets it
     * aside as a dead letter. Returns its CloudEvents id.
     */
    private static String deadLetterAnUnreadableRecord() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", "localhost:" + STACK.port(19092));
        config.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        config.put("value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(config)) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(
                    "planwatch.indicator-events", "IND-05", "{\"eventId\": oops".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_id", id.getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", "cn.gov.planwatch.indicator.ObservationReported.v2".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        String operator = STACK.token("planwatch-operator");
        await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.send(HttpRequest.newBuilder(
                        URI.create(GATEWAY + "/api/v1/ops/dead-letters?limit=200"))
                .header("Authorization", "Bearer " + operator).build(), HttpResponse.BodyHandlers.ofString())
                .body().contains(id));
        return id;
    }

    /**
     * Each page checked by axe-core (injected through WebDriver, which the pages' content security policy does not
     * govern) on a desktop and on a phone-wide screen, with a screenshot of each under
     * {@code launcher/target/browser/}. Problems are collected rather than thrown, so one run names all of them.
     */
    private static final class Accessibility {

        private static final int[] WIDTHS = {1400, 375};
        private static final int HEIGHT = 3800;

        private final List<String> problems = new ArrayList<>();
        private final String axe;

        Accessibility() throws Exception {
            try (InputStream script = DashboardBrowserIT.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                assertThat(script).as("axe.min.js from com.deque.html.axe-core:selenium").isNotNull();
                axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        /**
         * Checks the page shown in Chinese and in English (the same address, {@code lang} set), then shows it as it
         * was. For pages a GET gives; a page answering a form post is checked as it is.
         */
        void checkInBothLanguages(WebDriver browser, String page) throws Exception {
            String shown = browser.currentUrl();
            for (String language : List.of("zh", "en")) {
                browser.go(withLanguage(shown, language));
                browser.await("document.readyState === 'complete' && document.documentElement.lang.startsWith('"
                        + language + "')");
                check(browser, page, language);
            }
            browser.go(shown);
            browser.await("document.readyState === 'complete'");
        }

        private static String withLanguage(String address, String language) {
            String bare = address.replaceAll("([?&])lang=[a-zA-Z-]*&?", "$1").replaceAll("[?&]$", "");
            int fragment = bare.indexOf('#');
            String anchor = fragment < 0 ? "" : bare.substring(fragment);
            String base = fragment < 0 ? bare : bare.substring(0, fragment);
            return base + (base.contains("?") ? "&" : "?") + "lang=" + language + anchor;
        }

        void assertNothingFound() {
            assertThat(problems).as("serious or critical axe-core violations, or a page wider than the screen")
                    .isEmpty();
        }

        void check(WebDriver browser, String page, String language) throws Exception {
            Path folder = ROOT.resolve("launcher/target/browser");
            Files.createDirectories(folder);
            for (int width : WIDTHS) {
                String where = page + " (" + language + ", " + width + " px)";
                browser.resize(width, HEIGHT);
                browser.await("window.innerWidth <= " + width);
                browser.screenshot(folder.resolve(page + "-" + language + "-" + width + "px.png"));
                int pageWidth = browser.script("return document.documentElement.scrollWidth;").asInt();
                int screenWidth = browser.script("return document.documentElement.clientWidth;").asInt();
                if (pageWidth > screenWidth) {
                    problems.add(where + ": the page is " + pageWidth + " px wide on a " + screenWidth
                            + " px screen");
                }
                if (!browser.script("return typeof axe !== 'undefined';").asBoolean()) {
                    browser.script(axe);
                }
                JsonNode violations = browser.asyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {resultTypes: ['violations']})
                            .then(results => done(results.violations))
                            .catch(error => done({error: String(error)}));
                        """);
                assertThat(violations.has("error")).as(where + ": axe-core failed: " + violations).isFalse();
                for (JsonNode violation : violations) {
                    String impact = violation.path("impact").asText();
                    if (!impact.equals("serious") && !impact.equals("critical")) {
                        continue;
                    }
                    List<String> targets = new ArrayList<>();
                    violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                    problems.add(where + ": " + violation.path("id").asText() + " (" + impact + ") at " + targets
                            + " — " + violation.path("helpUrl").asText());
                }
            }
            browser.resize(WIDTHS[0], HEIGHT);
        }
    }

    /**
     * What ministries' systems report before the person looks: IND-01 for 2023, progress on a programme, two
     * quarterly updates. Returns the event id of the IND-01 value.
     */
    private static String reportIndicatorValue() throws Exception {
        String cnipa = STACK.token("cnipa-reporter");
        String samr = STACK.token("samr-reporter");
        String eventId = post("/api/v1/indicators/IND-01/observations",
                "{\"period\":\"2023\",\"value\":11.8,\"comment\":\"年末数据\"}", cnipa);
        String progress = "/api/v1/programmes/geographical-indications/progress";
        post(progress, "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":60,\"summary\":\"示范区建设推进\","
                + "\"milestones\":[{\"code\":\"gi-demo-zones\",\"value\":37}]}", cnipa);
        String lagging = post(progress,
                "{\"quarter\":\"2025-Q3\",\"status\":\"AT_RISK\",\"percentComplete\":40,\"summary\":\"进度偏慢\"}", samr);
        post("/api/v1/quarterly-updates", "{\"quarter\":\"2025-Q3\"}", cnipa);
        String submitted = post("/api/v1/quarterly-updates", "{\"quarter\":\"2025-Q3\"}", samr);
        String lead = STACK.token("cnipa-lead");
        await().atMost(Duration.ofSeconds(15)).until(() -> provenance("indicator:IND-01", lead).contains(eventId)
                && provenance("programme:geographical-indications", lead).contains(lagging)
                && provenance("compliance:SAMR/2025-Q3", lead).contains(submitted));
        return eventId;
    }

    private static String provenance(String figure, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/national-view/provenance/" + figure))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** GETs through the gateway: the answer's body, which must be a 200's. */
    private static String get(String path, String token) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** POSTs through the gateway; returns the event id of the 202. */
    private static String post(String path, String json, String token) throws Exception {
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(path + ": " + accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("eventId").asText();
    }

    /**
     * A minimal W3C WebDriver client: just the commands this test needs, each a JSON call to chromedriver.
     */
    private static final class WebDriver {

        static String url;

        private final String session;

        private WebDriver(String session) {
            this.session = session;
        }

        static WebDriver open(String binary) throws Exception {
            ObjectNode options = JSON.createObjectNode();
            options.put("binary", binary);
            options.putArray("args").add("--headless=new").add("--no-sandbox").add("--disable-dev-shm-usage")
                    .add("--disable-gpu").add("--window-size=1400,3800").add("--lang=zh-CN");
            ObjectNode capabilities = JSON.createObjectNode();
            capabilities.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome")
                    .set("goog:chromeOptions", options);
            JsonNode created = call("POST", "/session", capabilities);
            WebDriver browser = new WebDriver(created.path("value").path("sessionId").asText());
            browser.command("POST", "/timeouts", JSON.createObjectNode().put("script", 60_000));
            return browser;
        }

        void go(String address) throws Exception {
            command("POST", "/url", JSON.createObjectNode().put("url", address));
        }

        /** Asks for a page and logs in at the auth server's form as the development person it sends us to. */
        void logIn(String page, String username) throws Exception {
            go(page);
            await("document.querySelector('input[name=username]') !== null");
            type("input[name=username]", username);
            type("input[name=password]", STACK.userPassword(username));
            click("button[type=submit]");
        }

        String currentUrl() throws Exception {
            return command("GET", "/url", null).asText();
        }

        JsonNode script(String body) throws Exception {
            ObjectNode request = JSON.createObjectNode().put("script", body);
            request.putArray("args");
            return command("POST", "/execute/sync", request);
        }

        /** Runs {@code body}, which hands its answer to the callback WebDriver passes as its last argument. */
        JsonNode asyncScript(String body) throws Exception {
            ObjectNode request = JSON.createObjectNode().put("script", body);
            request.putArray("args");
            return command("POST", "/execute/async", request);
        }

        void resize(int width, int height) throws Exception {
            command("POST", "/window/rect", JSON.createObjectNode().put("width", width).put("height", height));
        }

        /** Polls {@code condition} (a JavaScript expression) until it holds. */
        void await(String condition) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions().until(() -> script("return !!(" + condition + ");").asBoolean());
        }

        String text(String css) throws Exception {
            return script("return document.querySelector(" + JSON.writeValueAsString(css) + ").textContent.trim();")
                    .asText();
        }

        void type(String css, String text) throws Exception {
            command("POST", "/element/" + element(css) + "/value", JSON.createObjectNode().put("text", text));
        }

        /** Clears a field (a form may start from the last report) and types into it. */
        void retype(String css, String text) throws Exception {
            script("document.querySelector(" + JSON.writeValueAsString(css) + ").value = '';");
            type(css, text);
        }

        void click(String css) throws Exception {
            command("POST", "/element/" + element(css) + "/click", JSON.createObjectNode());
        }

        void screenshot(Path file) throws Exception {
            Files.write(file, Base64.getDecoder().decode(command("GET", "/screenshot", null).asText()));
        }

        void quit() throws Exception {
            call("DELETE", "/session/" + session, null);
        }

        private String element(String css) throws Exception {
            return command("POST", "/element", JSON.createObjectNode().put("using", "css selector").put("value", css))
                    .get(ELEMENT).asText();
        }

        private JsonNode command(String method, String path, JsonNode body) throws Exception {
            JsonNode answer = call(method, "/session/" + session + path, body);
            if (answer.path("value").has("error")) {
                throw new IllegalStateException(method + " " + path + ": " + answer.path("value"));
            }
            return answer.path("value");
        }

        static JsonNode call(String method, String path, JsonNode body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
        }
    }




    private static String firstExisting(String... paths) {
        return List.of(paths).stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    }


}
