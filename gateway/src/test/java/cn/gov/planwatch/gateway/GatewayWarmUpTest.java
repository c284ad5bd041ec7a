package cn.gov.planwatch.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway that starts sends its first requests through itself, and says it is ready only after: a balancer that
 * reads its readiness sends it nobody's request while it is cold.
 */
class GatewayWarmUpTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theGatewaySendsItsWarmUpThroughItsRoutesWhileItsReadinessStillSaysNo() throws Exception {
        int port = freePort();
        List<Integer> readinessDuringWarmUp = new CopyOnWriteArrayList<>();
        HttpServer reportingService = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        reportingService.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().startsWith("/assets/dashboard/")) {
                readinessDuringWarmUp.add(readiness(port));
            }
            byte[] css = "body{}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/css");
            exchange.sendResponseHeaders(200, css.length);
            exchange.getResponseBody().write(css);
            exchange.close();
        });
        reportingService.start();
        try (GatewayInstance gateway = new GatewayInstance(TestRedis.shared(), "server.port=" + port,
                "planwatch.gateway.redis-namespace=warm-up",
                "planwatch.gateway.warm-up.requests=40",
                "spring.cloud.discovery.client.simple.instances.reporting-service[0].uri=http://localhost:"
                        + reportingService.getAddress().getPort())) {
            assertThat(readinessDuringWarmUp).as("the warm-up's requests reached the service behind the route")
                    .hasSizeGreaterThanOrEqualTo(5)
                    .as("and the gateway refused traffic all the while").containsOnly(503);
            assertThat(readiness(port)).as("ready once warm").isEqualTo(200);
        } finally {
            reportingService.stop(0);
        }
    }

    private int readiness(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
