package cn.gov.planwatch.gateway.apidescription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.RetryBackoffSpec;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The description the gateway publishes, merged from what each service serves at {@code /v3/api-docs} when asked
 * for, and kept for {@code refresh} (a redeployed service is described again soon after). A service that does not
 * answer is asked again a few times; if it still does not, the last merged description is served, and before there
 * is one, {@link DescriptionUnavailable}. Never a description with a service missing: a client generated from it
 * would silently lack that service's operations.
 */
public class PublishedApiDescription {

    /** The merged description in both forms it is served in; the same content, keys in the same order. */
    public record Texts(String json, String yaml) {
    }

    private static final Logger log = LoggerFactory.getLogger(PublishedApiDescription.class);
    private static final ObjectMapper JSON = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = Yaml.mapper();

    private final Map<String, String> services;
    private final GatewayAnswers gateway;
    private final WebClient http;
    private final RetryBackoffSpec retry;
    private final Duration timeout;
    private final AtomicReference<Texts> lastMerged = new AtomicReference<>();
    private final Mono<Texts> current;

    /**
     * @param services each service's base URL by its name
     * @param retry    how often and how soon a service that did not answer is asked again, in one request
     */
    PublishedApiDescription(Map<String, String> services, GatewayAnswers gateway, WebClient http, Duration refresh,
            Duration timeout, RetryBackoffSpec retry) {
        this.services = new TreeMap<>(services);
        this.gateway = gateway;
        this.http = http;
        this.timeout = timeout;
        this.retry = retry;
        // A conflict stays a conflict until a service is redeployed: kept like a description, not asked for again
        // on every request.
        this.current = Mono.defer(this::fetchAndMerge).cache(texts -> refresh,
                failure -> failure instanceof ConflictingDescriptions ? refresh : Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<Texts> texts() {
        return current;
    }

    private Mono<Texts> fetchAndMerge() {
        return Flux.fromIterable(services.entrySet())
                .flatMapSequential(service -> fetch(service.getKey(), service.getValue()))
                .collectList()
                .map(this::merged)
                .doOnNext(lastMerged::set)
                .onErrorResume(DescriptionUnavailable.class, unavailable -> {
                    Texts last = lastMerged.get();
                    if (last == null) {
                        log.warn("no API description to publish yet: {}", unavailable.getMessage());
                        return Mono.error(unavailable);
                    }
                    log.warn("serving the last merged API description: {}", unavailable.getMessage());
                    return Mono.just(last);
                })
                .doOnError(ConflictingDescriptions.class, conflict -> log.error("{}", conflict.getMessage()));
    }

    private Mono<ServiceDescription> fetch(String service, String baseUrl) {
        return http.get().uri(baseUrl + "/v3/api-docs").accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(String.class)
                .timeout(timeout)
                .retryWhen(retry.filter(PublishedApiDescription::mayAnswerLater))
                .map(body -> new ServiceDescription(service, parse(service, body)))
                .onErrorMap(failure -> !(failure instanceof DescriptionUnavailable),
                        failure -> new DescriptionUnavailable(service, failure));
    }

    /** Not up yet, restarting, or busy starting: worth asking again shortly. */
    private static boolean mayAnswerLater(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof WebClientResponseException answer && answer.getStatusCode().is5xxServerError()) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode parse(String service, String body) {
        try {
            if (JSON.readTree(body) instanceof ObjectNode document && document.path("openapi").isTextual()) {
                return document;
            }
        } catch (JsonProcessingException e) {
            throw new DescriptionUnavailable(service, e);
        }
        throw new DescriptionUnavailable(service, new IllegalStateException("its answer is not an OpenAPI description"));
    }

    private Texts merged(List<ServiceDescription> fetched) {
        List<ServiceDescription> parts = new ArrayList<>(fetched);
        parts.add(gateway.ownDescription());
        JsonNode merged = DescriptionMerge.merge(parts, gateway);
        try {
            return new Texts(JSON.writeValueAsString(merged), YAML.writeValueAsString(merged));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
