package cn.gov.planwatch.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Before the stack is declared up, a few authenticated reads go through the gateway to every service:
 * each one then has fetched the issuer's keys and run its request path once, so the first real report
 * after a start is as quick as any other. Best effort: a failure here is reported, not fatal.
 */
final class StackWarmUp {

    private static final List<String> READS = List.of("/api/v1/indicators", "/api/v1/indicators/IND-01",
            "/api/v1/programmes", "/api/v1/national-view");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    void run(Path dataDir, String issuer, String gateway, PrintStream out) {
        String secret = DevelopmentClients.secretOf(dataDir, "cnipa-lead").orElse(null);
        if (secret == null) {
            return; // clients come from elsewhere (an external identity provider): nothing to warm with
        }
        try {
            String basic = Base64.getEncoder()
                    .encodeToString(("cnipa-lead:" + secret).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> tokenResponse = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            String token = new ObjectMapper().readTree(tokenResponse.body()).path("access_token").asText();
            for (String path : READS) {
                http.send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.discarding());
            }
        } catch (Exception e) {
            out.println("warm-up through the gateway failed (the stack is up regardless): " + e.getMessage());
        }
    }
}
