package cn.gov.planwatch.reporting.review.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;

/** indicator-service's public API as the review pages use it: an indicator's reports. */
@Component("reviewIndicatorService")
public class IndicatorService {

    public static final String NAME = "indicator-service";

    private final ServiceCalls calls;

    IndicatorService(@Value("${planwatch.services.indicator-service}") String url, JsonMapper json) {
        this.calls = new ServiceCalls(NAME, url, json);
    }

    /** {@code GET /api/v1/plans/{plan}/indicators/{code}/observations}: every report, revisions included. */
    public Reply<Observation[]> observations(String plan, String code, Person person) {
        return calls.get(UriComponentsBuilder.fromUriString(calls.baseUrl())
                .pathSegment("api", "v1", "plans", plan, "indicators", code, "observations").build().encode()
                .toUri(), Observation[].class, person);
    }

    /** One report; {@code current} is false once a revision of its period supersedes it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Observation(String indicator, String agency, String period, BigDecimal value, String comment,
            String source, Instant recordedAt, int revision, boolean current) {
    }
}
