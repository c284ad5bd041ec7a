package cn.gov.planwatch.reporting.desk.internal;

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

/**
 * One service's public API, called for a person: with their own bearer token and the page's language, so the service
 * applies its rules to that person and words its messages in the page's language. A page never fails because a service
 * does not answer: the answer says so.
 */
final class ServiceApi {

    private static final Logger log = LoggerFactory.getLogger(ServiceApi.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private final String name;
    private final String baseUrl;
    private final JsonMapper json;

    ServiceApi(String name, String baseUrl, JsonMapper json) {
        this.name = name;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        // The desk reads only what it shows: a field a service adds to its answers is no reason to fail.
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** A path segment as typed into a page's address (a code, a slug), sent as one segment whatever it holds. */
    static String segment(String text) {
        return UriUtils.encodePathSegment(text, StandardCharsets.UTF_8);
    }

    <T> Answer<T> get(Person person, String path, TypeReference<T> type) {
        return call(person, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), type);
    }

    /** A write: {@code body} as JSON; the 2xx answer's body is not needed by the page. */
    Answer<Void> post(Person person, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        return call(person, request, null);
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
                return new Answer<>(name, status, type == null ? null : json.readValue(response.body(), type), null);
            }
            return new Answer<>(name, status, null, problem(response));
        } catch (IOException | JacksonException e) {
            log.warn("desk.service-unanswered service={} path={} cause=\"{}\"", name, request.build().uri().getPath(),
                    e.toString());
            return Answer.unreachable(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.unreachable(name);
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
