package cn.gov.planwatch.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.planwatch.gateway.GatewaySecurityTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Each client has its own bucket: a burst over it gets 429 with Retry-After, other clients are not affected. */
@TestPropertySource(properties = {"planwatch.gateway.rate-limit.capacity=5",
        "planwatch.gateway.rate-limit.refill-per-second=1", "planwatch.gateway.redis-namespace=client-rate-limit-test"})
class ClientRateLimitTest extends GatewayTestBase {

    @Test
    void aBurstOverTheCapacityIsA429WithRetryAfter() throws Exception {
        String burster = ISSUER.token("bursting-client", "SAMR", "reporter");
        List<HttpResponse<String>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(get("/api/v1/indicators", burster));
        }

        assertThat(burst.subList(0, 5)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(burst.get(0).headers().firstValue("X-RateLimit-Remaining")).hasValue("4");
        // the bucket refills one a second, so a slow machine may fit one more in; not three
        HttpResponse<String> refused = burst.stream().filter(response -> response.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 in a burst of 8 over a capacity of 5"));
        assertProblem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 5L);
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");

        // another client has a bucket of its own
        assertThat(get("/api/v1/indicators", ISSUER.token("calm-client", "SAMR", "reporter")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void callersWithoutTokenShareABucketPerAddressButHealthProbesAreNeverLimited() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(send(request("/api/v1/docs/reference.js").GET()).statusCode());
        }
        assertThat(statuses).contains(200, 429);

        for (int i = 0; i < 8; i++) {
            assertThat(send(request("/actuator/health").GET()).statusCode()).isEqualTo(200);
        }
    }
}
