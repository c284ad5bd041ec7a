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

/** programme-service's API as a ministry's desk reads and writes it, always for the person at the desk. */
@Component
public class ProgrammeService {

    public static final String NAME = "programme-service";

    private final ServiceApi api;

    ProgrammeService(@Value("${planwatch.services.programme-service}") String url, JsonMapper json) {
        this.api = new ServiceApi(NAME, url, json);
    }

    /** The agency's quarters and the programmes it reports on ({@code getAgencyQuarterlyUpdates}). */
    public Answer<AgencyQuarters> quarters(Person person, String plan) {
        return api.get(person, plan(plan) + "/quarterly-updates/" + segment(person.agency()),
                new TypeReference<>() { });
    }

    /** The agency's names ({@code getAgency}). */
    public Answer<AgencyName> agency(Person person) {
        return api.get(person, "/api/v1/agencies/" + segment(person.agency()), new TypeReference<>() { });
    }

    public Answer<List<ProgrammeDefinition>> programmes(Person person, String plan) {
        return api.get(person, plan(plan) + "/programmes", new TypeReference<>() { });
    }

    /** Every report on the programme, revisions included, oldest first ({@code listProgressReports}). */
    public Answer<List<ProgressRecord>> progress(Person person, String plan, String slug) {
        return api.get(person, plan(plan) + "/programmes/" + segment(slug) + "/progress", new TypeReference<>() { });
    }

    /** {@code reportProgress}: {@code body} is the API's request, as the desk's form filled it. */
    public Answer<Void> reportProgress(Person person, String plan, String slug, Map<String, Object> body) {
        return api.post(person, plan(plan) + "/programmes/" + segment(slug) + "/progress", body);
    }

    /** {@code submitQuarterlyUpdate} for the token's agency. */
    public Answer<Void> submitQuarter(Person person, String plan, String quarter) {
        return api.post(person, plan(plan) + "/quarterly-updates", Map.of("quarter", quarter));
    }

    private static String plan(String plan) {
        return "/api/v1/plans/" + segment(plan);
    }

    public record AgencyName(String code, String nameZh, String nameEn) {
    }

    /** {@code programmes}: those the agency leads or takes part in, on which every quarterly update reports. */
    public record AgencyQuarters(List<String> programmes, List<QuarterCell> quarters) {

        public AgencyQuarters {
            programmes = programmes == null ? List.of() : programmes;
            quarters = quarters == null ? List.of() : quarters;
        }
    }

    public record QuarterCell(String quarter, String state, Instant deadline, Review review) {
    }

    public record Review(String outcome, String reviewer, Instant reviewedAt, String reason, List<String> items) {

        public Review {
            items = items == null ? List.of() : items;
        }
    }

    public record ProgrammeDefinition(String slug, String titleZh, String titleEn, String leadAgency,
            List<MeasureDefinition> measures, List<MilestoneDefinition> milestones) {

        public ProgrammeDefinition {
            measures = measures == null ? List.of() : measures;
            milestones = milestones == null ? List.of() : milestones;
        }
    }

    public record MeasureDefinition(String code, String titleZh, String titleEn) {
    }

    public record MilestoneDefinition(String code, String nameZh, String nameEn, BigDecimal target, String unit) {
    }

    public record ProgressRecord(String programme, String agency, String quarter, String status, int percentComplete,
            String summary, String risks, List<MeasureStatus> measures, List<MilestoneValue> milestones,
            Instant recordedAt, int revision, boolean current) {

        public ProgressRecord {
            measures = measures == null ? List.of() : measures;
            milestones = milestones == null ? List.of() : milestones;
        }
    }

    public record MeasureStatus(String code, String status, String note) {
    }

    public record MilestoneValue(String code, BigDecimal value) {
    }
}
