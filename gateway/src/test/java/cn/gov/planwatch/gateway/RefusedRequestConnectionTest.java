package cn.gov.planwatch.gateway;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused request is answered, body or not, and the same client's next call is answered too: a refused POST whose
 * body the gateway never reads once hung a kept-alive connection until the client gave up.
 */
class RefusedRequestConnectionTest extends GatewayTestBase {

    @Test
    void afterARefusedMethodOrPathTheSameClientsNextCallsAreAnswered() throws Exception {
        String reporter = ISSUER.reporter("CNIPA");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String[] refused = {"TRACE /api/v1/indicators", "GET /api/v1/indicators/IND%2F01",
                "POST /api/v1/indicators/IND%2F01/observations", "TRACE /api/v1/agencies", "GET /api/v1/agencies/%00",
                "POST /api/v1/programmes/x%00/progress", "POST /api/v1/quarterly-updates/CNIPA/2025-Q3/accept",
                "PUT /api/v1/indicators/IND-01/observations"};
        for (String call : refused) {
            String[] methodAndPath = call.split(" ");
            HttpResponse<String> refusal = client.send(HttpRequest.newBuilder(uri(methodAndPath[1]))
                            .method(methodAndPath[0], methodAndPath[0].equals("POST")
                                    ? HttpRequest.BodyPublishers.ofString("{\"period\":\"2024\",\"value\":1}")
                                    : methodAndPath[0].equals("PUT") ? HttpRequest.BodyPublishers.ofString("{}")
                                    : HttpRequest.BodyPublishers.noBody())
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + reporter)
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refusal.statusCode()).as(call).isIn(400, 403, 405);
            assertThat(refusal.headers().firstValue("Content-Type")).as(call).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));

            HttpResponse<String> next = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(next.statusCode()).as("the call after " + call).isEqualTo(200);
        }
    }
}
