package cn.gov.planwatch.gateway;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway checks every API call against the shared access policy before routing it, and says why it refuses. */
class GatewaySecurityTest extends GatewayTestBase {

    @Test
    void noTokenIsA401ProblemWithABearerChallenge() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/indicators").GET());

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void anExpiredTokenSignedRightIsA401() throws Exception {
        HttpResponse<String> response = get("/api/v1/indicators", ISSUER.expired("SAMR", "reporter"));

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"invalid_token\"").contains("expired");
    }

    @Test
    void aTokenOfAnotherIssuerAndKeyIsA401() throws Exception {
        assertProblem(get("/api/v1/indicators", ISSUER.foreign("SAMR", "reporter")), 401, "unauthenticated");
    }

    @Test
    void aTokenForAnotherAudienceIsA401() throws Exception {
        assertProblem(get("/api/v1/indicators", ISSUER.forAudience("elsewhere", "SAMR", "reporter")), 401,
                "unauthenticated");
    }

    @Test
    void aReporterMayNotSeeTheNationalView() throws Exception {
        String marker = UUID.randomUUID().toString();
        HttpResponse<String> response = get("/api/v1/national-view?probe=" + marker, ISSUER.reporter("SAMR"));

        assertProblem(response, 403, "forbidden");
        assertThat(SERVICES.sawAnything(marker)).isEmpty();
    }

    @Test
    void theLeadAgencysNationalViewIsRouted() throws Exception {
        HttpResponse<String> response = get("/api/v1/national-view?asOf=2025-01-01T00:00:00Z", ISSUER.lead());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("GET /api/v1/national-view?asOf=2025-01-01T00:00:00Z");
    }

    @Test
    void aReportersObservationIsRoutedWithItsTokenRelayedUnchanged() throws Exception {
        String token = ISSUER.reporter("SAMR");
        String body = "{\"period\":\"2023\",\"value\":11.8}";
        HttpResponse<String> response = send(request("/api/v1/indicators/IND-03/observations", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        // No CSRF token needed: a bearer call carries no ambient credential.
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(
                "POST /api/v1/indicators/IND-03/observations auth=Bearer " + token + " cookie=- bytes=" + body.length());
    }

    @Test
    void operationsAreForTheOperatorOnly() throws Exception {
        assertThat(get("/api/v1/ops/streams", ISSUER.operator()).body()).startsWith("GET /api/v1/ops/streams");
        assertProblem(get("/api/v1/ops/streams", ISSUER.reporter("SAMR")), 403, "forbidden");
        assertProblem(send(request("/api/v1/ops/dead-letters/e1/replay", ISSUER.lead())
                .POST(HttpRequest.BodyPublishers.noBody())), 403, "forbidden");
    }

    @Test
    void aWriteNeedsTheReporterRole() throws Exception {
        assertProblem(send(request("/api/v1/quarterly-updates", ISSUER.lead())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"quarter\":\"2025-Q3\"}"))), 403, "forbidden");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> response : new HttpResponse[] {get("/api/v1/indicators", ISSUER.lead()),
                send(request("/api/v1/indicators").GET()), send(request("/api/v1/docs/reference.js").GET())}) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'self'; frame-ancestors 'none'; object-src 'none'");
        }
    }

    @Test
    void whileTheServicesGiveNoDescriptionTheApiDescriptionIsA503ProblemToTryAgain() throws Exception {
        // The stand-in answers every path, /v3/api-docs too, with a line of text: no OpenAPI description.
        for (String path : new String[] {"/api/v1/openapi.yaml", "/api/v1/openapi.json"}) {
            HttpResponse<String> response = send(request(path).GET());

            assertProblem(response, 503, "api-description-unavailable");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.body()).contains("cannot be fetched yet");
        }
    }

    @Test
    void healthIsPublicAndOtherActuatorEndpointsAreForOperators() throws Exception {
        assertThat(send(request("/actuator/health").GET()).statusCode()).isEqualTo(200);
        assertThat(send(request("/actuator/health/liveness").GET()).statusCode()).isEqualTo(200);
        assertProblem(send(request("/actuator/metrics").GET()), 401, "unauthenticated");
        assertProblem(get("/actuator/metrics", ISSUER.reporter("SAMR")), 403, "forbidden");
    }

    @Test
    void authorizationsAreTimedButNotEachFilterOfTheSecurityChain() throws Exception {
        assertThat(get("/api/v1/indicators", ISSUER.reporter("SAMR")).statusCode()).isEqualTo(200);

        HttpResponse<String> metrics = get("/actuator/metrics", ISSUER.operator());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("\"spring.security.authorizations\"")
                .doesNotContain("spring.security.filterchains");
    }

    @Test
    void meTellsWhoTheTokenBelongsTo() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", ISSUER.reporter("SAMR"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"samr-reporter\"", "\"agency\":\"SAMR\"",
                "\"roles\":[\"reporter\"]").doesNotContain("csrf");
        assertProblem(send(request("/api/v1/me").GET()), 401, "unauthenticated");
    }

    @Test
    void withoutAClientSecretTheDashboardLoginAnswers503AndTheApiStillWorks() throws Exception {
        assertProblem(send(request("/").header("Accept", "text/html").GET()), 503, "login-not-configured");
        assertProblem(send(request("/oauth2/authorization/planwatch").GET()), 503, "login-not-configured");
        assertThat(get("/api/v1/indicators", ISSUER.reporter("SAMR")).statusCode()).isEqualTo(200);
    }

    @Test
    void routedAnswersTellTheClientsRemainingRequests() throws Exception {
        HttpResponse<String> response = get("/api/v1/indicators", ISSUER.token("remaining-client", "SAMR", "reporter"));

        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("199");
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://planwatch.cn/problems/" + type + "\"",
                "\"status\":" + status, "\"title\":", "\"detail\":").doesNotContain("<html", "Exception");
    }
}
