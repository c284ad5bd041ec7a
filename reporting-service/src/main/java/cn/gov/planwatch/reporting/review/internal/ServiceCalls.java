package cn.gov.planwatch.reporting.review.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * JSON calls to one PlanWatch service's public API on a person's behalf: their bearer token and the page's language
 * go with every call, so the service applies its own rules to them and answers in their language.
 */
final class ServiceCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String service;
    private final String baseUrl;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    ServiceCalls(String service, String baseUrl, JsonMapper json) {
        this.service = service;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.json = json;
    }

    String baseUrl() {
        return baseUrl;
    }

    <T> Reply<T> get(URI uri, Class<T> type, Person person) {
        return send(request(uri, person).GET(), type);
    }

    /** A write: {@code body} as JSON, and the key that makes a repeated form post one write. */
    Reply<Void> post(URI uri, Object body, String idempotencyKey, Person person) {
        HttpRequest.Builder request = request(uri, person).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request, Void.class);
    }

    private HttpRequest.Builder request(URI uri, Person person) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", "Bearer " + person.accessToken())
                .header("Accept-Language", person.language().toLanguageTag());
    }

    private <T> Reply<T> send(HttpRequest.Builder request, Class<T> type) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status / 100 == 2) {
                T body = type == Void.class || response.body().isBlank() ? null : json.readValue(response.body(), type);
                return new Reply<>(service, status, body, null);
            }
            return new Reply<>(service, status, null, problem(response.body()));
        } catch (IOException | JacksonException e) {
            return Reply.unanswered(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.unanswered(service);
        }
    }

    /** The problem of a refusal; a body that is none (a proxy's page, say) leaves only the status to show. */
    private Reply.Problem problem(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readValue(body, Reply.Problem.class);
        } catch (JacksonException e) {
            return null;
        }
    }
}
