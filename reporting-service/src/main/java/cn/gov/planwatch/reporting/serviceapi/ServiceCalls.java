package cn.gov.planwatch.reporting.serviceapi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * JSON calls to one service's public API for a person: with their own bearer token and the page's language, so the
 * service applies its rules to that person and words its messages in the page's language. A page never fails because
 * a service does not answer: the answer says so.
 */
final class ServiceCalls {

    private static final Logger log = LoggerFactory.getLogger(ServiceCalls.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    private final String service;
    private final String baseUrl;
    private final JsonMapper json;

    ServiceCalls(String service, String baseUrl, JsonMapper json) {
        this.service = service;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        // A page reads only what it shows: a field a service adds to its answers is no reason to fail.
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** The path of these segments, each sent as one segment whatever it holds (a code or slug from an address). */
    /** Where the last rebuild of the service's read model stands ({@code GET /api/v1/ops/projections/{name}}). */
    Answer<RebuildProgress> rebuild(Person person, String projection) {
        return get(person, path("api", "v1", "ops", "projections", projection), new TypeReference<>() { });
    }

    /** Starts a rebuild of the service's read model: 202 when it started, 409 when one is already running. */
    Answer<RebuildProgress> startRebuild(Person person, String projection) {
        return post(person, path("api", "v1", "ops", "projections", projection, "rebuild"), null, null,
                new TypeReference<>() { });
    }

    static String path(String... segments) {
        return Arrays.stream(segments).map(s -> "/" + UriUtils.encodePathSegment(s, StandardCharsets.UTF_8))
                .collect(Collectors.joining());
    }

    <T> Answer<T> get(Person person, String path, TypeReference<T> type) {
        return call(person, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), type);
    }

    /**
     * A write: {@code body} as JSON, and {@code idempotencyKey} (when given) so that a form posted twice is one write;
     * the 2xx answer's body is read only where {@code type} asks for it.
     */
    <T> Answer<T> post(Person person, String path, Object body, String idempotencyKey, TypeReference<T> type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return call(person, request, type);
    }

    private <T> Answer<T> call(Person person, HttpRequest.Builder request, TypeReference<T> type) {
        request.timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", "Bearer " + person.bearerToken())
                .header("Accept-Language", person.acceptLanguage());
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status / 100 == 2) {
                return new Answer<>(service, status, type == null ? null : json.readValue(response.body(), type),
                        null);
            }
            return new Answer<>(service, status, null, problem(response));
        } catch (IOException | JacksonException e) {
            log.warn("page.service-unanswered service={} path={} cause=\"{}\"", service,
                    request.build().uri().getPath(), e.toString());
            return Answer.unanswered(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.unanswered(service);
        }
    }

    /** The refusal's problem; a body that is none (a proxy's page, say) still has its status. */
    private Problem problem(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Problem.class);
        } catch (JacksonException e) {
            return new Problem(null, null, response.statusCode(), null, null);
        }
    }
}
