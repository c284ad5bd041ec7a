package cn.gov.planwatch.reporting.ops.console;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The observations read model's rebuild, which indicator-service runs (it owns that model): started and followed
 * over its API with the operator's own access token, so the console can do no more than the operator could there.
 */
@Component
class ObservationRebuilds {

    static final String PROJECTION = "observations";
    private static final String PATH = "/api/v1/ops/projections/" + PROJECTION;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String indicatorService;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ObservationRebuilds(@Value("${planwatch.services.indicator-service}") String indicatorService, JsonMapper json) {
        this.indicatorService = indicatorService.replaceAll("/+$", "");
        this.json = json;
    }

    /** Where the last rebuild stands, as indicator-service tells the operator whose access token this is. */
    Answer status(String accessToken) {
        return call(HttpRequest.newBuilder(URI.create(indicatorService + PATH)).GET(), accessToken);
    }

    /** Asks indicator-service to start a rebuild: 202 when it started, 409 when one is already running. */
    Answer start(String accessToken) {
        return call(HttpRequest.newBuilder(URI.create(indicatorService + PATH + "/rebuild"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()), accessToken);
    }

    private Answer call(HttpRequest.Builder request, String accessToken) {
        request.timeout(TIMEOUT).header("Accept", "application/json").header("Authorization", "Bearer " + accessToken);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Progress progress = response.statusCode() / 100 == 2 ? json.readValue(response.body(), Progress.class)
                    : null;
            return new Answer(response.statusCode(), progress);
        } catch (IOException | JacksonException e) {
            return Answer.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.UNREACHABLE;
        }
    }

    /**
     * What indicator-service answered.
     *
     * @param status   its HTTP status, 0 when it did not answer
     * @param progress the rebuild's state when it answered with one
     */
    public record Answer(int status, Progress progress) {

        static final Answer UNREACHABLE = new Answer(0, null);

        public boolean answered() {
            return status != 0;
        }
    }

    /** indicator-service's rebuild status, as far as the console shows it. */
    public record Progress(String projection, String state, long applied, long skipped, long target, Instant startedAt,
            Instant finishedAt, String error) {

        /** Whole per cent of the log applied, null before a target is known. */
        public Integer percent() {
            return target <= 0 ? null : (int) Math.min(100, applied * 100 / target);
        }
    }
}
