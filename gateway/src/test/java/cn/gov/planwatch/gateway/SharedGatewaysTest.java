package cn.gov.planwatch.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static cn.gov.planwatch.gateway.GatewaySecurityTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances of one deployment, sharing one Redis: a person logged in through one is logged in on the
 * other, and a client spends one rate-limit budget whichever instance it reaches.
 */
class SharedGatewaysTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final ServiceStandIn SERVICES = ServiceStandIn.shared();

    private static GatewayInstance first;
    private static GatewayInstance second;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoGateways() {
        String[] deployment = {"planwatch.gateway.redis-namespace=shared-gateways-test",
                "planwatch.gateway.rate-limit.capacity=6", "planwatch.gateway.rate-limit.refill-per-second=1"};
        first = new GatewayInstance(TestRedis.shared(), deployment);
        second = new GatewayInstance(TestRedis.shared(), deployment);
    }

    @AfterAll
    static void stopGateways() {
        first.close();
        second.close();
    }

    @Test
    void aPersonLoggedInThroughOneGatewayIsLoggedInOnTheOther() throws Exception {
        BrowserLogin.LoggedIn person = BrowserLogin.logIn(http, ISSUER, first.url(),
                new TestIssuer.Approval(null, "samr", "SAMR", List.of("reporter")));

        HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(second.url() + "/api/v1/me"))
                .header("Cookie", person.cookie()).GET());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"agency\":\"SAMR\"");
        String cookie = BrowserLogin.sessionCookie(me, person.cookie());

        // the other instance relays the session's access token, and takes the session's CSRF token for a write
        String csrf = me.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
        String marker = UUID.randomUUID().toString();
        HttpResponse<String> write = send(HttpRequest.newBuilder(
                        URI.create(first.url() + "/api/v1/indicators/IND-03/observations?probe=" + marker))
                .header("Cookie", cookie).header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"2023\",\"value\":1}")));
        assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
        assertThat(SERVICES.received(marker)).singleElement()
                .satisfies(received -> assertThat(received.authorization()).isEqualTo("Bearer " + person.accessToken()));

        // logging out on one instance ends the session on both
        HttpResponse<String> logout = send(HttpRequest.newBuilder(URI.create(second.url() + "/logout"))
                .header("Cookie", cookie).header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
        assertProblem(send(HttpRequest.newBuilder(URI.create(first.url() + "/api/v1/me"))
                .header("Cookie", cookie).GET()), 401, "unauthenticated");
    }

    @Test
    void aClientSpendsOneBudgetWhicheverGatewayItReaches() throws Exception {
        String token = ISSUER.token("client-of-two-gateways", "SAMR", "reporter");
        int admitted = 0;
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            GatewayInstance gateway = i % 2 == 0 ? first : second;
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/indicators"))
                    .header("Authorization", "Bearer " + token).GET());
            if (answer.statusCode() == 429) {
                assertProblem(answer, 429, "rate-limited");
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                refused++;
            } else {
                assertThat(answer.statusCode()).isEqualTo(200);
                admitted++;
            }
        }
        // a budget of 6 (with a second's refill on a slow machine), not 6 on each instance
        assertThat(admitted).isBetween(6, 8);
        assertThat(refused).isEqualTo(12 - admitted);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
