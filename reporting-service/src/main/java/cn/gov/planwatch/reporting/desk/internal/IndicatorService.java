package cn.gov.planwatch.reporting.desk.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static cn.gov.planwatch.reporting.desk.internal.ServiceApi.segment;

/** indicator-service's API as a ministry's desk reads and writes it, always for the person at the desk. */
@Component
public class IndicatorService {

    public static final String NAME = "indicator-service";

    private final ServiceApi api;

    IndicatorService(@Value("${planwatch.services.indicator-service}") String url, JsonMapper json) {
        this.api = new ServiceApi(NAME, url, json);
    }

    public Answer<List<IndicatorDefinition>> indicators(Person person, String plan) {
        return api.get(person, "/api/v1/plans/" + segment(plan) + "/indicators", new TypeReference<>() { });
    }

    /** Every report of the indicator, revisions included, oldest first ({@code listObservations}). */
    public Answer<List<ObservationRecord>> observations(Person person, String plan, String code) {
        return api.get(person, "/api/v1/plans/" + segment(plan) + "/indicators/" + segment(code) + "/observations",
                new TypeReference<>() { });
    }

    /** {@code reportObservation}: {@code body} is the API's request, as the desk's form filled it. */
    public Answer<Void> report(Person person, String plan, String code, Map<String, Object> body) {
        return api.post(person, "/api/v1/plans/" + segment(plan) + "/indicators/" + segment(code) + "/observations",
                body);
    }

    public record IndicatorDefinition(String code, String nameZh, String nameEn, Unit unit, String responsibleAgency,
            String frequency) {
    }

    public record Unit(String code, String symbolZh, String nameEn) {
    }

    public record ObservationRecord(String period, BigDecimal value, String comment, String source,
            Instant recordedAt, int revision, boolean current) {
    }
}
