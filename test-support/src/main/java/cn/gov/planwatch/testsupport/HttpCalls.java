package cn.gov.planwatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for tests that call a running service as its real clients do. */
public final class HttpCalls {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Map<String, String> defaultHeaders;
    private final ServedApiDescription description;

    public HttpCalls(String baseUrl) {
        this(baseUrl, Map.of(), null);
    }

    public HttpCalls(String baseUrl, Map<String, String> defaultHeaders) {
        this(baseUrl, defaultHeaders, null);
    }

    private HttpCalls(String baseUrl, Map<String, String> defaultHeaders, ServedApiDescription description) {
        this.baseUrl = baseUrl;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
        this.description = description;
    }

    /** The same client, holding every call and its answer to {@code description} (see {@link ServedApiDescription}). */
    public HttpCalls checkedAgainst(ServedApiDescription description) {
        return new HttpCalls(baseUrl, defaultHeaders, description);
    }

    public HttpCalls withHeader(String name, String value) {
        var headers = new java.util.HashMap<>(defaultHeaders);
        headers.put(name, value);
        return new HttpCalls(baseUrl, headers, description);
    }

    /** The same client, sending {@code Authorization: Bearer <token>}. */
    public HttpCalls withToken(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build(), null);
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build(), null);
    }

    /**
     * A GET whose answer may be a file (CSV, XLSX): the body as bytes. Held to the description like any call, a
     * JSON answer (a problem) to its schema too.
     */
    public HttpResponse<byte[]> getFile(String path, String accept) {
        HttpRequest request = request(path).header("Accept", accept).GET().build();
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        if (description != null) {
            description.check(request, null, response.statusCode(), response.headers(),
                    new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    public HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), body);
    }

    /** A POST of a file (a spreadsheet, say), held to the description. */
    public HttpResponse<String> postFile(String path, String contentType, byte[] body) {
        boolean text = contentType.startsWith("text/") || contentType.startsWith("application/json");
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                // A binary body is held to its media type and presence only (a schema of type string, format binary).
                new String(body, text ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
    }

    public HttpResponse<String> put(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), body);
    }

    /** Any method, with a JSON body (or none when {@code json} is null) and the given extra headers. */
    public HttpResponse<String> call(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path);
        headers.forEach(builder::header);
        if (json == null) {
            return send(builder.method(method, HttpRequest.BodyPublishers.noBody()).build(), null);
        }
        return send(builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), json);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        defaultHeaders.forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request, String body) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (description != null) {
            description.check(request, body, response);
        }
        return response;
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
