package cn.gov.planwatch.gateway;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A gateway on a random port in front of {@link ServiceStandIn}, trusting tokens of {@link TestIssuer}, keeping its
 * sessions and rate limits in {@link TestRedis}. Subclasses share one application context unless they add properties
 * of their own; one whose limits must start untouched by the others takes a {@code redis-namespace} of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTestBase {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final ServiceStandIn SERVICES = ServiceStandIn.shared();
    static final TestRedis REDIS = TestRedis.shared();

    @DynamicPropertySource
    static void issuerAndServices(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.client.provider.planwatch.issuer-uri", ISSUER::issuer);
        registry.add("planwatch.services.indicator-service", SERVICES::url);
        registry.add("planwatch.services.programme-service", SERVICES::url);
        registry.add("planwatch.services.reporting-service", SERVICES::url);
        registry.add("spring.data.redis.port", REDIS::port);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    HttpRequest.Builder request(String path, String token) {
        return request(path).header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        // an answer that never comes fails the test rather than holding the build
        return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }
}
