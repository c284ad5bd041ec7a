package cn.gov.planwatch.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway routes each part of the public API to its service and answers its own failures as problems. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    private static final HttpServer INDICATOR_SERVICE = startIndicatorServiceStandIn();
    private static final ServerSocket DYING_REPORTING_SERVICE = startDyingServiceStandIn();
    private static final TestIssuer ISSUER = TestIssuer.shared();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("planwatch.services.indicator-service",
                () -> "http://localhost:" + INDICATOR_SERVICE.getAddress().getPort());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("planwatch.services.programme-service", () -> "http://localhost:" + closedPort);
        registry.add("planwatch.services.reporting-service",
                () -> "http://localhost:" + DYING_REPORTING_SERVICE.getLocalPort());
    }

    @AfterAll
    static void stop() throws IOException {
        INDICATOR_SERVICE.stop(0);
        DYING_REPORTING_SERVICE.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void routesIndicatorCallsToTheIndicatorServiceWithBodyAndChineseIntact() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/indicators/IND-01/observations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"年末数据\"}", StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("POST /api/v1/indicators/IND-01/observations {\"comment\":\"年末数据\"}");
    }

    @Test
    void aPlansIndicatorsGoToTheIndicatorServiceAndTheRestOfThePlanToTheProgrammeService() throws Exception {
        for (String path : new String[] {"/api/v1/plans/ip-2021-2025/indicators",
                "/api/v1/plans/ip-2021-2025/indicators/IND-01"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
            assertThat(response.statusCode()).as(path).isEqualTo(202);
            assertThat(response.body()).isEqualTo("GET " + path + " ");
        }
        // programme-service is down in this test: the plan itself is its to answer.
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/plans/ip-2021-2025")).GET()).statusCode())
                .isEqualTo(503);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/plans/ip-2021-2025/agencies")).GET()).statusCode())
                .isEqualTo(503);
        for (String path : new String[] {"/api/v1/plans/gi-2026-2030/programmes",
                "/api/v1/plans/gi-2026-2030/quarterly-updates/SAMR"}) {
            assertThat(send(HttpRequest.newBuilder(uri(path)).GET()).statusCode()).as(path).isEqualTo(503);
        }
    }

    @Test
    void aPlansNationalViewReportsAndEvaluationGoToTheReportingService() throws Exception {
        for (String path : new String[] {"/api/v1/plans/gi-2026-2030/national-view",
                "/api/v1/plans/gi-2026-2030/reports/quarterly/2026-Q3", "/api/v1/plans/gi-2026-2030/evaluation"}) {
            // The reporting-service stand-in dies while answering (502); the programme-service would be down (503).
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path + "?die=reset"))
                    .header("Authorization", "Bearer " + ISSUER.lead()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(502);
        }
    }

    @Test
    void aServiceThatIsDownIsA503ProblemWithRetryAfter() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/programmes")).GET());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).contains("\"type\":\"https://planwatch.cn/problems/service-unavailable\"");
    }

    @Test
    void aServiceThatDiesWhileAnsweringIsA502ProblemNotA503() throws Exception {
        // reset: killed with data unread (the kernel answers RST); close: gone after reading the request (FIN).
        for (String death : new String[] {"reset", "close"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/national-view?die=" + death))
                    .header("Authorization", "Bearer " + ISSUER.lead()).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(death).isEqualTo(502);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).as(death).contains("\"type\":\"https://planwatch.cn/problems/service-failed\"")
                    .contains("unknown");
        }
    }

    @Test
    void aPathWithoutRouteIsA404Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/nowhere")).GET());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":404").doesNotContain("<html");
    }

    @Test
    void eachReadModelIsRebuiltByTheServiceThatHoldsIt() throws Exception {
        for (String name : new String[] {"observations", "quarter-locks"}) {
            String path = "/api/v1/ops/projections/" + name + "/rebuild";
            HttpResponse<String> response = asOperator(HttpRequest.newBuilder(uri(path))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(response.statusCode()).as(path).isEqualTo(202);
            assertThat(response.body()).as(path).isEqualTo("POST " + path + " ");
        }
        for (String name : new String[] {"programme-progress", "quarterly-updates"}) {
            // programme-service is down in this test.
            assertThat(asOperator(HttpRequest.newBuilder(uri("/api/v1/ops/projections/" + name)).GET()).statusCode())
                    .as(name).isEqualTo(503);
        }
        for (String name : new String[] {"national-view", "dead-letters"}) {
            // The reporting-service stand-in dies while answering.
            assertThat(asOperator(HttpRequest.newBuilder(uri("/api/v1/ops/projections/" + name + "?die=reset")).GET())
                    .statusCode()).as(name).isEqualTo(502);
        }
    }

    private HttpResponse<String> asOperator(HttpRequest.Builder request) throws Exception {
        request.header("Authorization", "Bearer " + ISSUER.operator());
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        request.header("Authorization", "Bearer " + ISSUER.reporter("SAMR"));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * A service that accepts the connection, reads the request and dies before answering: with a reset when the
     * request asks {@code die=reset}, with an orderly close otherwise.
     */
    private static ServerSocket startDyingServiceStandIn() {
        try {
            ServerSocket server = new ServerSocket(0);
            Thread accepting = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        BufferedReader request = new BufferedReader(
                                new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                        String requestLine = request.readLine();
                        for (String header = requestLine; header != null && !header.isEmpty(); ) {
                            header = request.readLine();
                        }
                        if (requestLine != null && requestLine.contains("die=reset")) {
                            socket.setSoLinger(true, 0);
                        }
                    } catch (IOException e) {
                        // closed by the test, or the gateway went away first
                    }
                }
            }, "dying-service");
            accepting.setDaemon(true);
            accepting.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real HTTP server that echoes what reached it, standing in for indicator-service. */
    private static HttpServer startIndicatorServiceStandIn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                byte[] answer = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(202, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
