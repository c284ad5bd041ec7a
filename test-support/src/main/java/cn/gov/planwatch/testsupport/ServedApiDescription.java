package cn.gov.planwatch.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The API description a running service (or the gateway) serves, holding every call a test makes to it: an answer
 * outside the description (an undescribed status, a field of another type, a field the description does not name)
 * fails the test, and so does a request outside it that the service accepted.
 * <p>
 * Answers are held to a stricter reading than clients are: an object may carry no property its schema does not
 * name, so a field added to an answer without being described fails.
 */
public final class ServedApiDescription {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ServedApiDescription> BY_LOCATION = new ConcurrentHashMap<>();

    private final String json;
    private final OpenApiInteractionValidator requests;
    private final OpenApiInteractionValidator answers;

    private ServedApiDescription(String json) {
        this.json = json;
        this.requests = OpenApiInteractionValidator.createForInlineApiSpecification(json).build();
        this.answers = OpenApiInteractionValidator.createForInlineApiSpecification(closedObjects(json)).build();
    }

    /** The description served at {@code location} (fetched once per location, which is one running service). */
    public static ServedApiDescription at(String location) {
        return BY_LOCATION.computeIfAbsent(location, ServedApiDescription::fetch);
    }

    /** The description as served, as JSON. */
    public String json() {
        return json;
    }

    private static ServedApiDescription fetch(String location) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new AssertionError("the API description at " + location + " answered " + response.statusCode());
            }
            return new ServedApiDescription(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Holds one exchange to the description. Only the API is described: probes, metrics and pages are not held.
     * {@code HEAD} is not either: it runs the {@code GET} handler and answers without a body.
     */
    public void check(HttpRequest request, String requestBody, HttpResponse<String> response) {
        check(request, requestBody, response.statusCode(), response.headers(), response.body());
    }

    /**
     * Holds one exchange whose answer the caller read as bytes (a file), given here as text: only answers of a JSON
     * media type are held to a schema, the rest to their status, headers and media type.
     */
    public void check(HttpRequest request, String requestBody, int status, HttpHeaders headers, String body) {
        URI uri = request.uri();
        if ("HEAD".equals(request.method()) || !uri.getRawPath().startsWith("/api/")) {
            return;
        }
        SimpleRequest.Builder described = new SimpleRequest.Builder(request.method(), uri.getRawPath());
        request.headers().map().forEach(described::withHeader);
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                described.withQueryParam(name, value);
            }
        }
        if (requestBody != null) {
            described.withBody(requestBody);
        }
        SimpleRequest simpleRequest = described.build();
        ValidationReport requestReport = requests.validateRequest(simpleRequest);
        boolean refused = status >= 400 && status < 500;
        if (requestReport.hasErrors() && !refused) {
            throw new AssertionError(exchange(request, status, body) + " — the request lies outside the API description,"
                    + " yet the service did not refuse it:\n" + messages(requestReport));
        }
        if (requestReport.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                || m.getKey().equals("validation.request.operation.notAllowed"))) {
            return;
        }
        SimpleResponse.Builder answer = new SimpleResponse.Builder(status);
        headers.map().forEach(answer::withHeader);
        if (!body.isEmpty()) {
            answer.withBody(body);
        }
        ValidationReport answerReport = answers.validateResponse(uri.getRawPath(),
                Request.Method.valueOf(request.method()), answer.build());
        if (answerReport.hasErrors()) {
            throw new AssertionError(exchange(request, status, body) + " — the answer lies outside the API description:\n"
                    + messages(answerReport));
        }
    }

    private static String exchange(HttpRequest request, int status, String body) {
        return request.method() + " " + request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery())
                + " → " + status + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
    }

    private static String messages(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> "  " + m.getKey() + ": " + m.getMessage()
                        + (m.getNestedMessages().isEmpty() ? "" : m.getNestedMessages().stream()
                                .map(n -> "\n    " + n.getMessage()).collect(Collectors.joining())))
                .collect(Collectors.joining("\n"));
    }

    /** The description with every object schema that names its properties closed to any other property. */
    private static String closedObjects(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            close(root, false);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(JsonNode node, boolean partOfComposition) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.get("properties").isObject() && !object.has("additionalProperties")
                    && !partOfComposition) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(entry -> close(entry.getValue(),
                    List.of("allOf", "anyOf", "oneOf").contains(entry.getKey())));
        } else if (node != null && node.isArray()) {
            node.forEach(element -> close(element, partOfComposition));
        }
    }
}
