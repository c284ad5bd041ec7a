package cn.gov.planwatch.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.TestPropertySource;
import reactor.netty.http.client.HttpClient;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.planwatch.gateway.GatewaySecurityTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starting a dashboard login stores a session for someone nobody knows yet, so it is limited per client address
 * before anything is stored, and what gets through is kept only briefly unless the login is finished.
 */
@TestPropertySource(properties = {"spring.security.oauth2.client.registration.planwatch.client-secret=test-secret",
        "planwatch.gateway.login-limit.capacity=5", "planwatch.gateway.login-limit.refill-per-minute=1",
        "planwatch.gateway.login-limit.unfinished-login-timeout=5m",
        "planwatch.gateway.redis-namespace=login-start-limit-test"})
class LoginStartLimitTest extends GatewayTestBase {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void loginStartsFromOneAddressMeet429BeforeAnySessionIsStoredAndTheStoreStaysBounded() throws Exception {
        List<String> storedBefore = storedSessions();
        List<HttpResponse<String>> starts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // alternately the authorization redirect and a dashboard page, each of which would store a session
            starts.add(send(request(i % 2 == 0 ? "/oauth2/authorization/planwatch" : "/dashboard")
                    .header("Accept", "text/html").GET()));
        }

        List<HttpResponse<String>> admitted = starts.stream().filter(r -> r.statusCode() == 302).toList();
        List<HttpResponse<String>> refused = starts.stream().filter(r -> r.statusCode() == 429).toList();
        // the bucket refills one a minute, so a slow machine may fit one more in
        assertThat(admitted).hasSizeBetween(5, 6)
                .allSatisfy(r -> assertThat(r.headers().allValues("Set-Cookie")).isNotEmpty());
        assertThat(refused).hasSize(40 - admitted.size()).allSatisfy(r -> {
            assertProblem(r, 429, "login-rate-limited");
            assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(r.headers().allValues("Set-Cookie")).as("no session for a refused start").isEmpty();
        });
        // one session per admitted start, each expiring within the unfinished login's timeout
        List<String> stored = new ArrayList<>(storedSessions());
        stored.removeAll(storedBefore);
        assertThat(stored).hasSize(admitted.size()).allSatisfy(key -> assertThat(redis.getExpire(key).block())
                .isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5)));

        // the API is not a login start: it is not refused by this limit
        assertThat(get("/api/v1/indicators", ISSUER.lead()).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherAddressStillStartsItsLogin() {
        for (int i = 0; i < 10; i++) {
            loginStartFrom("127.0.0.3");
        }
        assertThat(loginStartFrom("127.0.0.3")).isEqualTo(429);

        assertThat(loginStartFrom("127.0.0.2")).isEqualTo(302);
    }

    private List<String> storedSessions() {
        return redis.keys("login-start-limit-test:session:sessions:*").collectList().block();
    }

    /** The status of a login start sent from the given loopback address (Java's HttpClient cannot choose one). */
    private int loginStartFrom(String address) {
        return HttpClient.create()
                .bindAddress(() -> new InetSocketAddress(address, 0))
                .get().uri("http://127.0.0.1:" + port + "/oauth2/authorization/planwatch")
                .response().map(response -> response.status().code()).block();
    }
}
