package cn.gov.planwatch.gateway;

import cn.gov.planwatch.gateway.apidescription.DescriptionStandIn;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServedApiDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway publishes one API description, merged from what the services describe of themselves, and a reference
 * page for people; both without a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDescriptionTest {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final DescriptionStandIn DESCRIPTIONS = new DescriptionStandIn();

    /** Not {@link GatewayTestBase}'s stand-in: here each service answers with a description of its own. */
    @DynamicPropertySource
    static void issuerAndServicesDescribingThemselves(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.client.provider.planwatch.issuer-uri", ISSUER::issuer);
        DESCRIPTIONS.urls().forEach((service, url) -> registry.add("planwatch.services." + service, () -> url));
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theMergedDescriptionIsPublicAsJsonAndAsTheSameYaml() throws Exception {
        HttpResponse<String> json = get("/api/v1/openapi.json");
        HttpResponse<String> yaml = get("/api/v1/openapi.yaml");

        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/yaml");
        assertThat(yaml.body()).startsWith("openapi: 3.0.1");
        JsonNode description = Json.mapper().readTree(json.body());
        assertThat(Yaml.mapper().readTree(yaml.body())).isEqualTo(description);

        assertThat(description.at("/info/title").asText()).isEqualTo("PlanWatch API");
        assertThat(description.at("/info/description").asText()).contains("five-year plan", "五年规划");
        assertThat(description.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(description.get("paths").has("/api/v1/indicators/{code}/observations")).isTrue();
        assertThat(description.get("paths").has("/api/v1/programmes")).isTrue();
        assertThat(description.get("paths").has("/api/v1/national-view")).isTrue();
        assertThat(description.at("/paths/~1api~1v1~1me/get/operationId").asText()).isEqualTo("getCurrentCaller");
        assertThat(description.at("/components/schemas/Indicator/properties/nameZh/example").asText())
                .isEqualTo("每万人口高价值发明专利拥有量");
    }

    @Test
    void whatTheGatewayAnswersItselfMatchesTheDescription() {
        HttpCalls calls = new HttpCalls("http://localhost:" + port)
                .checkedAgainst(ServedApiDescription.at("http://localhost:" + port + "/api/v1/openapi.json"));

        assertThat(calls.withToken(ISSUER.reporter("SAMR")).get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(calls.withToken(ISSUER.operator()).get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(calls.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void theReferencePageRunsSwaggerUiFromTheGatewayWithNoInlineScript() throws Exception {
        HttpResponse<String> page = get("/api/v1/docs");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; object-src 'none'");
        assertThat(page.body()).doesNotContain("<script>").doesNotContainPattern("<script[^>]*>[^<]");
        Matcher sources = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page.body());
        int loaded = 0;
        while (sources.find()) {
            HttpResponse<String> asset = get(sources.group(1));
            assertThat(asset.statusCode()).as(sources.group(1)).isEqualTo(200);
            loaded++;
        }
        assertThat(loaded).as("style sheet, icon, Swagger UI and its initializer").isEqualTo(4);
        assertThat(get("/api/v1/docs/reference.js").body()).contains("'/api/v1/openapi.json'");
    }
}
