package cn.gov.planwatch.reporting.serviceapi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static cn.gov.planwatch.reporting.serviceapi.ServiceCalls.path;

/**
 * indicator-service's public API as the pages read and write it, always for the person the page is shown to: the
 * plan's indicators and their reports, and the rebuild of its read models (which it owns) for the operators' console.
 */
@Component
public class IndicatorServiceApi {

    public static final String NAME = "indicator-service";

    private final ServiceCalls calls;

    IndicatorServiceApi(@Value("${planwatch.services.indicator-service}") String url, JsonMapper json) {
        this.calls = new ServiceCalls(NAME, url, json);
    }

    /** The plan's indicators. */
    public Answer<List<IndicatorDefinition>> indicators(Person person, String plan) {
        return calls.get(person, path("api", "v1", "plans", plan, "indicators"), new TypeReference<>() { });
    }

    /** Every report of the indicator, revisions included, oldest first ({@code listObservations}). */
    public Answer<List<Observation>> observations(Person person, String plan, String code) {
        return calls.get(person, path("api", "v1", "plans", plan, "indicators", code, "observations"),
                new TypeReference<>() { });
    }

    /** {@code reportObservation}: {@code body} is the API's request, as a page's form filled it. */
    public Answer<Void> report(Person person, String plan, String code, Map<String, Object> body) {
        return calls.post(person, path("api", "v1", "plans", plan, "indicators", code, "observations"), body, null,
                null);
    }

    /** Where the last rebuild of indicator-service's read model {@code projection} stands. */
    public Answer<RebuildProgress> rebuild(Person person, String projection) {
        return calls.rebuild(person, projection);
    }

    /** Starts a rebuild of the read model: 202 when it started, 409 when one is already running. */
    public Answer<RebuildProgress> startRebuild(Person person, String projection) {
        return calls.startRebuild(person, projection);
    }

    public record IndicatorDefinition(String code, String nameZh, String nameEn, Unit unit, String responsibleAgency,
            String frequency) {
    }

    public record Unit(String code, String symbolZh, String nameEn) {
    }

    /** One report; {@code current} is false once a revision of its period supersedes it. */
    public record Observation(String indicator, String agency, String period, BigDecimal value, String comment,
            String source, Instant recordedAt, int revision, boolean current) {
    }
}
