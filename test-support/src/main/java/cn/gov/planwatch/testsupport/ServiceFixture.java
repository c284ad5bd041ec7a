package cn.gov.planwatch.testsupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every integration test of a service sets up: the service running for real ({@link PlanwatchIntegrationTest}),
 * its port, HTTP calls to it and its own database connection, to look at its read model as the service wrote it.
 */
@PlanwatchIntegrationTest
public abstract class ServiceFixture {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /**
     * Calls to the service under test, without a token ({@link HttpCalls#withToken} adds one), each held with its
     * answer to the API description the service serves.
     */
    protected HttpCalls http() {
        return new HttpCalls("http://localhost:" + port).checkedAgainst(apiDescription());
    }

    /** The API description the service under test serves. */
    protected ServedApiDescription apiDescription() {
        return ServedApiDescription.at("http://localhost:" + port + "/v3/api-docs");
    }

    /**
     * Rebuilds the read model as an operator does ({@code POST /api/v1/ops/projections/{name}/rebuild}) and waits
     * until the rebuild has ended; answers its last status.
     */
    protected JsonNode rebuild(String projection) {
        HttpCalls operator = http().withToken(TestTokens.shared().operator());
        HttpResponse<String> started = operator.post("/api/v1/ops/projections/" + projection + "/rebuild",
                "application/json", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return awaitRebuildEnded(projection);
    }

    /** The status of the read model's rebuild once it no longer runs. */
    protected JsonNode awaitRebuildEnded(String projection) {
        HttpCalls operator = http().withToken(TestTokens.shared().operator());
        JsonMapper json = JsonMapper.builder().build();
        String path = "/api/v1/ops/projections/" + projection;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                !json.readTree(operator.get(path).body()).get("state").asString().equals("RUNNING"));
        return json.readTree(operator.get(path).body());
    }
}
