package cn.gov.planwatch.gateway;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service run as two instances behind one gateway: requests spread over both; one that stops costs no read and no
 * write that never reached it; one whose readiness fails is given nothing once the gateway has noticed.
 */
class InstanceBalancingTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final String OBSERVATIONS = "/api/v1/indicators/IND-01/observations";
    private static final String RESPONSE_TIMEOUT = "spring.cloud.gateway.server.webflux.httpclient.response-timeout";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = ISSUER.reporter("CNIPA");

    /** A gateway balancing indicator-service over the given instances, checking their readiness at that interval. */
    private static GatewayInstance gatewayOver(String namespace, Duration readinessInterval,
                                               ServiceInstanceStandIn... instances) {
        return gatewayOver(namespace, readinessInterval, List.of(), instances);
    }

    private static GatewayInstance gatewayOver(String namespace, Duration readinessInterval, List<String> more,
                                               ServiceInstanceStandIn... instances) {
        // The client's rate limit well above what a test sends at once: here every request must reach an instance.
        List<String> properties = new ArrayList<>(List.of("planwatch.gateway.redis-namespace=" + namespace,
                "planwatch.gateway.rate-limit.capacity=2000",
                "spring.cloud.loadbalancer.health-check.interval=" + readinessInterval.toMillis() + "ms"));
        properties.addAll(more);
        for (int i = 0; i < instances.length; i++) {
            properties.add("spring.cloud.discovery.client.simple.instances.indicator-service[" + i + "].uri="
                    + instances[i].url());
        }
        return new GatewayInstance(TestRedis.shared(), properties.toArray(String[]::new));
    }

    @Test
    void requestsSpreadOverBothInstancesAndAStoppedOneCostsNoReadAndNoWriteItNeverReceived() throws Exception {
        // The readiness of both is checked once, at the first request, and not again during this test: the stopped
        // instance stays in the gateway's list, so every request sent its way has to be retried to be answered.
        try (ServiceInstanceStandIn first = new ServiceInstanceStandIn("first");
             ServiceInstanceStandIn second = new ServiceInstanceStandIn("second");
             GatewayInstance gateway = gatewayOver("balancing-stopped", Duration.ofHours(1), first, second)) {
            List<String> answeredBy = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> response = get(gateway, "/api/v1/indicators?spread=" + i);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                answeredBy.add(response.body());
            }
            assertThat(answeredBy).contains("first", "second");
            assertThat(first.received()).isNotEmpty();
            assertThat(second.received()).isNotEmpty();

            first.close();
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> response = get(gateway, "/api/v1/indicators?afterStop=" + i);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("second");
            }
            for (int i = 0; i < 10; i++) {
                String body = "{\"period\":\"2023\",\"value\":11.8,\"comment\":\"年末数据 " + i + "\"}";
                HttpResponse<String> response = post(gateway, OBSERVATIONS + "?write=" + i, body);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                assertThat(response.body()).isEqualTo("second");
                assertThat(second.received()).contains("POST " + OBSERVATIONS + "?write=" + i + " " + body);
            }
            assertThat(first.received()).noneMatch(request -> request.contains("afterStop") || request.contains("write="));
        }
    }

    @Test
    void anInstanceWhoseReadinessFailsIsGivenNothingOnceNoticedAndTrafficReturnsWhenItIsReadyAgain()
            throws Exception {
        try (ServiceInstanceStandIn first = new ServiceInstanceStandIn("first");
             ServiceInstanceStandIn second = new ServiceInstanceStandIn("second");
             GatewayInstance gateway = gatewayOver("balancing-readiness", Duration.ofMillis(200), first, second)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> answerersOf(gateway, "warm", 6).size() == 2);

            first.setReady(false);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> answerersOf(gateway, "draining", 6).equals(List.of("second")));
            int reachedFirst = first.received().size();
            assertThat(answerersOf(gateway, "unready", 20)).containsExactly("second");
            post(gateway, OBSERVATIONS + "?unready-write", "{\"period\":\"2023\",\"value\":11.8}");
            assertThat(first.received()).hasSize(reachedFirst);

            first.setReady(true);
            await().atMost(Duration.ofSeconds(20)).until(() -> answerersOf(gateway, "ready-again", 6).size() == 2);
        }
    }

    @Test
    void writesSentTogetherJustAfterAnInstanceDiedAreAllTakenByTheOtherInstance() throws Exception {
        // The readiness check does not run during the test: only the refused connections tell the gateway that the
        // first instance is gone, while many writes are under way at once.
        try (ServiceInstanceStandIn first = new ServiceInstanceStandIn("first");
             ServiceInstanceStandIn second = new ServiceInstanceStandIn("second");
             GatewayInstance gateway = gatewayOver("balancing-concurrent", Duration.ofHours(1), first, second)) {
            assertThat(answerersOf(gateway, "before", 6)).hasSize(2);
            first.close();

            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String body = "{\"period\":\"2024\",\"value\":" + i + ",\"comment\":\"并发写入\"}";
                    String path = OBSERVATIONS + "?together=" + i;
                    answers.add(clients.submit(() -> post(gateway, path, body)));
                }
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                    assertThat(response.body()).isEqualTo("second");
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(second.received()).filteredOn(request -> request.contains("together=")).hasSize(200);
        }
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsAnswered504InTimeWithResendAdviceAndNothingIsSentToItTwice()
            throws Exception {
        try (ServiceInstanceStandIn slow = new ServiceInstanceStandIn("slow");
             GatewayInstance gateway = gatewayOver("balancing-timeout", Duration.ofHours(1),
                     List.of(RESPONSE_TIMEOUT + "=1s"), slow)) {
            assertThat(answerersOf(gateway, "prompt", 1)).containsExactly("slow");
            slow.holdAnswers();

            long started = System.nanoTime();
            HttpResponse<String> read = get(gateway, "/api/v1/indicators?held-read");
            HttpResponse<String> write = post(gateway, OBSERVATIONS + "?held-write",
                    "{\"period\":\"2024\",\"value\":3.1,\"comment\":\"迟到的答复\"}");
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

            for (HttpResponse<String> response : List.of(read, write)) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(response.body()).contains("\"type\":\"https://planwatch.cn/problems/service-timeout\"")
                        .contains("Idempotency-Key");
            }
            // Each answered at the gateway's timeout, while the service still held its answers.
            assertThat(answeredIn).isLessThan(Duration.ofSeconds(10));
            // Neither was sent again: the service may have recorded the write, and a read that timed out once
            // would hold another connection as long.
            assertThat(slow.received()).filteredOn(request -> request.contains("held-")).hasSize(2);

            slow.releaseAnswers();
            assertThat(answerersOf(gateway, "prompt-again", 2)).containsExactly("slow");
        }
    }

    /** The distinct instances that answered that many reads, in the order they first did. */
    private List<String> answerersOf(GatewayInstance gateway, String marker, int reads) throws Exception {
        List<String> answerers = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            HttpResponse<String> response = get(gateway, "/api/v1/indicators?" + marker + "=" + i);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            if (!answerers.contains(response.body())) {
                answerers.add(response.body());
            }
        }
        return answerers;
    }

    private HttpResponse<String> get(GatewayInstance gateway, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway.url() + path)).GET());
    }

    private HttpResponse<String> post(GatewayInstance gateway, String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
