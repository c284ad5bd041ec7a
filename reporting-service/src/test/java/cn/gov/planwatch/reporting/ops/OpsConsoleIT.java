package cn.gov.planwatch.reporting.ops;

import cn.gov.planwatch.contracts.access.PageCsrfToken;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' console as the service renders it (the gateway relays the person's token as a bearer token, and
 * checks the forms' CSRF token): streams, a dead letter shown and replayed, the observations rebuild started at a
 * stand-in for indicator-service with the operator's own token. Real broker, real database.
 */
class OpsConsoleIT extends ServiceFixture {

    private static final StandIn INDICATOR_SERVICE = new StandIn();

    @DynamicPropertySource
    static void indicatorService(DynamicPropertyRegistry registry) {
        registry.add("planwatch.services.indicator-service", INDICATOR_SERVICE::url);
    }

    @AfterAll
    static void stop() {
        INDICATOR_SERVICE.stop();
    }

    private final TestTokens tokens = TestTokens.shared();

    @Test
    void anOperatorWatchesTheStreamsInChineseOrEnglish() {
        HttpCalls operator = http().withToken(tokens.operator());

        HttpResponse<String> zh = operator.get("/dashboard/ops?lang=zh");
        assertThat(zh.statusCode()).as(zh.body()).isEqualTo(200);
        assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(zh.body()).contains("事件流", "消费组", "每秒事件数", Topics.INDICATOR_EVENTS,
                "data-refresh-seconds=", "/assets/dashboard/ops-console.js", "lang=\"zh-CN\"")
                .doesNotContain("<script>", "style=\"");

        HttpResponse<String> en = operator.get("/dashboard/ops?lang=en");
        assertThat(en.body()).contains("Event streams", "Consumer groups", "Events per second",
                Topics.INDICATOR_EVENTS, "lang=zh");

        for (String token : List.of(tokens.lead(), tokens.reporter("CNIPA"))) {
            HttpCalls other = http().withToken(token);
            assertThat(other.get("/dashboard/ops").statusCode()).isEqualTo(403);
            assertThat(other.get("/dashboard/ops/dead-letters").statusCode()).isEqualTo(403);
            assertThat(other.post("/dashboard/ops/rebuild", FORM, "_csrf=x").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void anOperatorSeesADeadLetterWithItsPayloadConfirmsItsReplayAndSeesTheOutcome() throws Exception {
        HttpCalls operator = http().withToken(tokens.operator());
        String ceId = UUID.randomUUID().toString();
        // Unreadable, so dead-lettered at once; Chinese and markup, which the page must show as text.
        String payload = "{\"comment\": 年末数据 <b>" + ceId + "</b>";
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.INDICATOR_EVENTS, null, "IND-08",
                    payload.getBytes(StandardCharsets.UTF_8), List.of(header("ce_specversion", "1.0"),
                    header("ce_id", ceId), header("ce_type", "cn.gov.planwatch.indicator.ObservationReported.v2"),
                    header("ce_time", Instant.now().toString())))).get();
        }

        String id = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select id::text from reporting.dead_letter where event_id = ?").params(ceId).query(String.class)
                .optional().orElse(null), found -> found != null);

        // What was wrong, as far as it reads without markup escapes: the exception's class.
        String rootCause = jdbc.sql("select exception_root_cause from reporting.dead_letter where id = ?::uuid")
                .params(id).query(String.class).single().split(":")[0];

        HttpResponse<String> list = operator.get("/dashboard/ops/dead-letters?lang=en");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("Dead letters", "/dashboard/ops/dead-letters/" + id + "?lang=en",
                Topics.INDICATOR_EVENTS, rootCause, "Not replayed");

        HttpResponse<String> shown = operator.get("/dashboard/ops/dead-letters/" + id + "?lang=zh");
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).as("the payload, Chinese intact and markup escaped")
                .contains("年末数据 &lt;b&gt;" + ceId + "&lt;/b&gt;").doesNotContain("<b>" + ceId)
                .contains("载荷", "根本原因", rootCause, Topics.INDICATOR_EVENTS, "IND-08",
                        "/dashboard/ops/dead-letters/" + id + "/replay?lang=zh");

        HttpResponse<String> confirm = operator.withHeader(PageCsrfToken.HEADER, "session-token-from-gateway")
                .get("/dashboard/ops/dead-letters/" + id + "/replay?lang=en");
        assertThat(confirm.statusCode()).isEqualTo(200);
        String form = form(confirm.body(), "replay-form");
        assertThat(form).contains("method=\"post\"", "action=\"/dashboard/ops/dead-letters/" + id + "/replay?lang=en\"")
                .as("the form carries the login session's CSRF token the gateway handed the page, which it checks")
                .contains("name=\"_csrf\" value=\"session-token-from-gateway\"");
        assertThat(confirm.body()).contains("Replay this dead letter?", "Replay now");

        HttpResponse<String> replayed = operator.post("/dashboard/ops/dead-letters/" + id + "/replay?lang=en", FORM,
                "_csrf=checked-at-the-gateway");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.body()).contains("Replayed: the broker acknowledged it on " + Topics.INDICATOR_EVENTS,
                "cnipa-operator");
        assertThat(jdbc.sql("select state from reporting.dead_letter where id = ?::uuid").params(id)
                .query(String.class).single()).isEqualTo("REPLAYED");

        HttpResponse<String> again = operator.post("/dashboard/ops/dead-letters/" + id + "/replay?lang=zh", FORM,
                "_csrf=checked-at-the-gateway");
        assertThat(again.statusCode()).as("the page reports the refusal").isEqualTo(200);
        assertThat(again.body()).contains("该死信已重放");
        assertThat(operator.post("/dashboard/ops/dead-letters/" + UUID.randomUUID() + "/replay", FORM, "_csrf=x")
                .statusCode()).isEqualTo(404);
        assertThat(operator.get("/dashboard/ops/dead-letters/" + id + "?lang=en").body())
                .contains("Replayed", "cnipa-operator").doesNotContain("id=\"replay\"");
        assertThat(operator.get("/dashboard/ops/dead-letters/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(http().withToken(tokens.lead()).post("/dashboard/ops/dead-letters/" + id + "/replay", FORM,
                "_csrf=x").statusCode()).isEqualTo(403);
    }

    @Test
    void theRebuildIsStartedAtIndicatorServiceWithTheOperatorsTokenAndItsProgressShown() {
        String token = tokens.operator();
        HttpCalls operator = http().withToken(token);

        HttpResponse<String> idle = operator.get("/dashboard/ops/rebuild?lang=en");
        assertThat(idle.statusCode()).as(idle.body()).isEqualTo(200);
        assertThat(form(idle.body(), "rebuild-form-observations")).contains("method=\"post\"", "name=\"_csrf\"",
                "name=\"projection\" value=\"observations\"");
        assertThat(idle.body()).contains("Never rebuilt");

        HttpResponse<String> started = operator.post("/dashboard/ops/rebuild?lang=zh", FORM,
                "_csrf=checked-at-the-gateway");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(started.body()).contains("观测值的重建已开始", "进行中", "已重放 0 / 480 条记录");
        assertThat(INDICATOR_SERVICE.calls()).contains(
                "POST /api/v1/ops/projections/observations/rebuild Bearer " + token);

        HttpResponse<String> progress = operator.get("/dashboard/ops/rebuild?lang=en");
        assertThat(progress.body()).contains("Running", "120 of 480 records replayed", "value=\"25\"",
                "data-refresh-seconds=");
        assertThat(INDICATOR_SERVICE.calls()).contains(
                "GET /api/v1/ops/projections/observations Bearer " + token);

        HttpResponse<String> busy = operator.post("/dashboard/ops/rebuild?lang=en", FORM, "_csrf=x");
        assertThat(busy.body()).contains("A rebuild of Observations is already running.");

        INDICATOR_SERVICE.stop();
        HttpResponse<String> down = operator.get("/dashboard/ops/rebuild?lang=en");
        assertThat(down.statusCode()).as("said on the page, not a server error").isEqualTo(200);
        assertThat(down.body()).contains("indicator-service does not answer");
        HttpResponse<String> notStarted = operator.post("/dashboard/ops/rebuild?lang=zh", FORM, "_csrf=x");
        assertThat(notStarted.statusCode()).isEqualTo(200);
        assertThat(notStarted.body()).contains("indicator-service 无响应");
    }

    @Test
    void everyReadModelIsListedWithItsStateAndTheOnesKeptHereAreRebuiltHere() {
        HttpCalls operator = http().withToken(tokens.operator());

        HttpResponse<String> page = operator.get("/dashboard/ops/rebuild?lang=en");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        for (String name : List.of("observations", "quarter-locks", "programme-progress", "quarterly-updates",
                "national-view", "dead-letters")) {
            assertThat(form(page.body(), "rebuild-form-" + name)).as(name)
                    .contains("name=\"_csrf\"", "name=\"projection\" value=\"" + name + "\"");
        }
        assertThat(page.body()).contains("National view (reporting-service)", "Programme progress (programme-service)");

        HttpResponse<String> started = operator.post("/dashboard/ops/rebuild?lang=zh", FORM,
                "_csrf=checked-at-the-gateway&projection=dead-letters");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(started.body()).contains("死信的重建已开始", "cnipa-operator");
        assertThat(awaitRebuildEnded("dead-letters").get("state").asString()).isEqualTo("SWAPPED");
        assertThat(operator.get("/dashboard/ops/rebuild?lang=en").body()).contains("Done: the rebuilt model serves");
        assertThat(operator.post("/dashboard/ops/rebuild", FORM, "_csrf=x&projection=nothing-such").statusCode())
                .isEqualTo(404);
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String form(String page, String id) {
        Matcher form = Pattern.compile("<form id=\"" + id + "\"[\\s\\S]*?</form>").matcher(page);
        assertThat(form.find()).as("form " + id).isTrue();
        return form.group();
    }

    /** indicator-service's rebuild API as far as the console calls it: one rebuild that is running. */
    private static final class StandIn {

        private final List<String> calls = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private volatile boolean started;
        private volatile boolean stopped;

        StandIn() {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/api/v1/ops/projections/observations", exchange -> {
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getPath();
                calls.add(method + " " + path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
                int status;
                String body;
                if (method.equals("POST") && path.endsWith("/rebuild")) {
                    status = started ? 409 : 202;
                    body = started ? "{\"type\":\"about:blank\",\"status\":409}"
                            : status("RUNNING", 0, "\"2025-10-08T02:00:00Z\"");
                    started = true;
                } else {
                    status = 200;
                    body = started ? status("RUNNING", 120, "\"2025-10-08T02:00:00Z\"") : status("IDLE", 0, "null");
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", status == 409 ? "application/problem+json"
                        : "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }

        private static String status(String state, long applied, String startedAt) {
            return "{\"projection\":\"observations\",\"state\":\"" + state + "\",\"replayed\":" + applied
                    + ",\"skippedDeadLettered\":0,\"target\":" + (startedAt.equals("null") ? 0 : 480) + ",\"startedAt\":"
                    + startedAt + ",\"finishedAt\":null,\"error\":null}";
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        List<String> calls() {
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
