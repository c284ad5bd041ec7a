package cn.gov.planwatch.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.planwatch.gateway.GatewaySecurityTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis holds the login sessions and the shared rate limits. While it is down, nobody can log in or use a session
 * (a 503 problem, nothing recorded), but clients with bearer tokens are served and still rate limited, by each
 * gateway instance on its own.
 */
class RedisOutageTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestRedis redis = new TestRedis();
    private GatewayInstance gateway;

    @AfterEach
    void stop() {
        gateway.close();
        redis.stop();
    }

    private void startGateway() {
        gateway = new GatewayInstance(redis,
                "planwatch.gateway.rate-limit.capacity=5", "planwatch.gateway.rate-limit.refill-per-second=1");
    }

    @Test
    void aGatewayStartedWhileRedisIsDownServesTokenClientsAndRefusesLogins() throws Exception {
        redis.stop();
        startGateway();

        assertThat(get("/api/v1/indicators", "Authorization",
                "Bearer " + ISSUER.token("client-of-a-gateway-without-redis", "SAMR", "reporter")).statusCode())
                .isEqualTo(200);
        assertThat(get("/actuator/health", "Accept", "application/json").statusCode())
                .as("the gateway is up for whoever balances over it").isEqualTo(200);
        assertProblem(get("/oauth2/authorization/planwatch", "Accept", "text/html"), 503, "login-unavailable");
    }

    @Test
    void withRedisDownPeopleCannotLogInButTokenClientsAreServedAndStillLimited() throws Exception {
        startGateway();
        BrowserLogin.LoggedIn person = BrowserLogin.logIn(http, ISSUER, gateway.url(),
                new TestIssuer.Approval(null, "samr", "SAMR", List.of("reporter")));

        redis.stop();

        // a session cannot be read, nor a login started
        HttpResponse<String> me = get("/api/v1/me", "Cookie", person.cookie());
        assertProblem(me, 503, "login-unavailable");
        assertThat(me.headers().firstValue("Retry-After")).isPresent();
        assertProblem(get("/dashboard", "Accept", "text/html"), 503, "login-unavailable");
        assertProblem(get("/oauth2/authorization/planwatch", "Accept", "text/html"), 503, "login-unavailable");

        // a client with a token is served, within a budget of its own on this instance
        String token = "Bearer " + ISSUER.token("client-during-outage", "SAMR", "reporter");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> answer = get("/api/v1/indicators", "Authorization", token);
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 429) {
                assertProblem(answer, 429, "rate-limited");
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses).contains(429);

        // once Redis is back (and the gateway has reconnected), people log in again
        redis.start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                get("/oauth2/authorization/planwatch", "Accept", "text/html").statusCode()).isEqualTo(302));
        BrowserLogin.LoggedIn again = BrowserLogin.logIn(http, ISSUER, gateway.url(),
                new TestIssuer.Approval(null, "samr", "SAMR", List.of("reporter")));
        assertThat(get("/api/v1/me", "Cookie", again.cookie()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.url() + path)).header(header, value)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
