package cn.gov.planwatch.reporting.review.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * programme-service's public API as the review pages use it: the plan's quarterly updates (the compliance matrix and
 * one agency's quarters), a programme's progress reports, and the lead agency's accept and return.
 */
@Component("reviewProgrammeService")
public class ProgrammeService {

    public static final String NAME = "programme-service";

    private final ServiceCalls calls;

    ProgrammeService(@Value("${planwatch.services.programme-service}") String url, JsonMapper json) {
        this.calls = new ServiceCalls(NAME, url, json);
    }

    /** {@code GET /api/v1/plans/{plan}/quarterly-updates}: every agency × quarter of the plan. */
    public Reply<Matrix> quarterlyUpdates(String plan, Person person) {
        return calls.get(uri(plan, "quarterly-updates"), Matrix.class, person);
    }

    /** {@code GET /api/v1/plans/{plan}/quarterly-updates/{agency}}: what the agency owes and each quarter's state. */
    public Reply<AgencyQuarters> agencyQuarters(String plan, String agency, Person person) {
        return calls.get(uri(plan, "quarterly-updates", agency), AgencyQuarters.class, person);
    }

    /** {@code GET /api/v1/plans/{plan}/programmes/{slug}/progress}: every report, oldest first. */
    public Reply<ProgressReport[]> progress(String plan, String slug, Person person) {
        return calls.get(uri(plan, "programmes", slug, "progress"), ProgressReport[].class, person);
    }

    public Reply<Void> accept(String plan, String agency, String quarter, String idempotencyKey, Person person) {
        return calls.post(uri(plan, "quarterly-updates", agency, quarter, "accept"), Map.of(), idempotencyKey, person);
    }

    /** Returns the update with the lead's reason and what to revise (indicator codes and programme slugs). */
    public Reply<Void> giveBack(String plan, String agency, String quarter, String reason, List<String> items,
            String idempotencyKey, Person person) {
        return calls.post(uri(plan, "quarterly-updates", agency, quarter, "return"),
                new ReturnBody(reason, items), idempotencyKey, person);
    }

    private URI uri(String plan, String... segments) {
        return UriComponentsBuilder.fromUriString(calls.baseUrl()).pathSegment("api", "v1", "plans", plan)
                .pathSegment(segments).build().encode().toUri();
    }

    record ReturnBody(String reason, List<String> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Matrix(Instant asOf, List<AgencyLine> agencies) {

        public Matrix {
            agencies = agencies == null ? List.of() : List.copyOf(agencies);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgencyLine(String agency, List<UpdateCell> quarters) {

        public AgencyLine {
            quarters = quarters == null ? List.of() : List.copyOf(quarters);
        }
    }

    /**
     * One agency's update for one quarter. {@code state} is one of the compliance states (SUBMITTED_ON_TIME and
     * SUBMITTED_LATE await review); {@code submittedAt} is the latest submission.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UpdateCell(String agency, String quarter, String state, Instant deadline, Instant submittedAt,
            Instant firstSubmittedAt, Boolean onTime, Review review) {

        public boolean awaitingReview() {
            return "SUBMITTED_ON_TIME".equals(state) || "SUBMITTED_LATE".equals(state);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Review(String outcome, String reviewer, Instant reviewedAt, String reason, List<String> items) {

        public Review {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** What the agency owes (its programmes, and its indicators with each Q4 update) and its quarters. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgencyQuarters(String agency, List<String> programmes, List<String> indicators,
            List<UpdateCell> quarters) {

        public AgencyQuarters {
            programmes = programmes == null ? List.of() : List.copyOf(programmes);
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
            quarters = quarters == null ? List.of() : List.copyOf(quarters);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProgressReport(String programme, String agency, String quarter, String status,
            int percentComplete, String summary, String risks, List<MeasureStatus> measures,
            List<MilestoneValue> milestones, Instant recordedAt, int revision, boolean current) {

        public ProgressReport {
            measures = measures == null ? List.of() : List.copyOf(measures);
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeasureStatus(String code, String status, String note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MilestoneValue(String code, BigDecimal value) {
    }
}
