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
 * programme-service's public API as the pages read and write it, always for the person the page is shown to: the
 * agencies, the plan's programmes and the progress reported on them, and the quarterly update cycle (an agency's
 * submission, the lead agency's accept and return).
 */
@Component
public class ProgrammeServiceApi {

    public static final String NAME = "programme-service";

    private final ServiceCalls calls;

    ProgrammeServiceApi(@Value("${planwatch.services.programme-service}") String url, JsonMapper json) {
        this.calls = new ServiceCalls(NAME, url, json);
    }

    /** Where the last rebuild of programme-service's read model {@code projection} stands. */
    public Answer<RebuildProgress> rebuild(Person person, String projection) {
        return calls.rebuild(person, projection);
    }

    /** Starts a rebuild of the read model: 202 when it started, 409 when one is already running. */
    public Answer<RebuildProgress> startRebuild(Person person, String projection) {
        return calls.startRebuild(person, projection);
    }

    /** The agency's names ({@code getAgency}). */
    public Answer<AgencyName> agency(Person person, String agency) {
        return calls.get(person, path("api", "v1", "agencies", agency), new TypeReference<>() { });
    }

    public Answer<List<ProgrammeDefinition>> programmes(Person person, String plan) {
        return calls.get(person, plan(plan, "programmes"), new TypeReference<>() { });
    }

    /** Every report on the programme, revisions included, oldest first ({@code listProgressReports}). */
    public Answer<List<ProgressReport>> progress(Person person, String plan, String slug) {
        return calls.get(person, plan(plan, "programmes", slug, "progress"), new TypeReference<>() { });
    }

    /** {@code reportProgress}: {@code body} is the API's request, as a page's form filled it. */
    public Answer<Void> reportProgress(Person person, String plan, String slug, Map<String, Object> body) {
        return calls.post(person, plan(plan, "programmes", slug, "progress"), body, null, null);
    }

    /** Every agency × quarter of the plan. */
    public Answer<Matrix> quarterlyUpdates(Person person, String plan) {
        return calls.get(person, plan(plan, "quarterly-updates"), new TypeReference<>() { });
    }

    /** What the agency owes and each quarter's state ({@code getAgencyQuarterlyUpdates}). */
    public Answer<AgencyQuarters> agencyQuarters(Person person, String plan, String agency) {
        return calls.get(person, plan(plan, "quarterly-updates", agency), new TypeReference<>() { });
    }

    /** {@code submitQuarterlyUpdate} for the token's agency. */
    public Answer<Void> submitQuarter(Person person, String plan, String quarter) {
        return calls.post(person, plan(plan, "quarterly-updates"), Map.of("quarter", quarter), null, null);
    }

    /** The lead agency accepts the update, which locks the quarter. */
    public Answer<Void> accept(Person person, String plan, String agency, String quarter, String idempotencyKey) {
        return calls.post(person, plan(plan, "quarterly-updates", agency, quarter, "accept"), Map.of(),
                idempotencyKey, null);
    }

    /** The lead agency returns the update with its reason and what to revise (indicator codes, programme slugs). */
    public Answer<Void> giveBack(Person person, String plan, String agency, String quarter, String reason,
            List<String> items, String idempotencyKey) {
        return calls.post(person, plan(plan, "quarterly-updates", agency, quarter, "return"),
                new ReturnBody(reason, items), idempotencyKey, null);
    }

    private static String plan(String plan, String... segments) {
        String[] all = new String[segments.length + 4];
        all[0] = "api";
        all[1] = "v1";
        all[2] = "plans";
        all[3] = plan;
        System.arraycopy(segments, 0, all, 4, segments.length);
        return path(all);
    }

    record ReturnBody(String reason, List<String> items) {
    }

    public record AgencyName(String code, String nameZh, String nameEn) {
    }

    public record Matrix(Instant asOf, List<AgencyLine> agencies) {

        public Matrix {
            agencies = agencies == null ? List.of() : List.copyOf(agencies);
        }
    }

    public record AgencyLine(String agency, List<QuarterlyUpdate> quarters) {

        public AgencyLine {
            quarters = quarters == null ? List.of() : List.copyOf(quarters);
        }
    }

    /**
     * What the agency owes (the programmes it leads or takes part in, on which every quarterly update reports, and
     * its indicators with each Q4 update) and its quarters.
     */
    public record AgencyQuarters(String agency, List<String> programmes, List<String> indicators,
            List<QuarterlyUpdate> quarters) {

        public AgencyQuarters {
            programmes = programmes == null ? List.of() : List.copyOf(programmes);
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
            quarters = quarters == null ? List.of() : List.copyOf(quarters);
        }
    }

    /**
     * One agency's update for one quarter. {@code state} is one of the compliance states (SUBMITTED_ON_TIME and
     * SUBMITTED_LATE await review); {@code submittedAt} is the latest submission.
     */
    public record QuarterlyUpdate(String agency, String quarter, String state, Instant deadline, Instant submittedAt,
            Instant firstSubmittedAt, Boolean onTime, Review review) {

        public boolean awaitingReview() {
            return "SUBMITTED_ON_TIME".equals(state) || "SUBMITTED_LATE".equals(state);
        }
    }

    public record Review(String outcome, String reviewer, Instant reviewedAt, String reason, List<String> items) {

        public Review {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public record ProgrammeDefinition(String slug, String titleZh, String titleEn, String leadAgency,
            List<MeasureDefinition> measures, List<MilestoneDefinition> milestones) {

        public ProgrammeDefinition {
            measures = measures == null ? List.of() : List.copyOf(measures);
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
        }
    }

    public record MeasureDefinition(String code, String titleZh, String titleEn) {
    }

    public record MilestoneDefinition(String code, String nameZh, String nameEn, BigDecimal target, String unit) {
    }

    public record ProgressReport(String programme, String agency, String quarter, String status,
            int percentComplete, String summary, String risks, List<MeasureStatus> measures,
            List<MilestoneValue> milestones, Instant recordedAt, int revision, boolean current) {

        public ProgressReport {
            measures = measures == null ? List.of() : List.copyOf(measures);
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
        }
    }

    public record MeasureStatus(String code, String status, String note) {
    }

    public record MilestoneValue(String code, BigDecimal value) {
    }
}
