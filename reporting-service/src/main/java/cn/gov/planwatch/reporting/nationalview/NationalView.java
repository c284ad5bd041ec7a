package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.Baseline;
import cn.gov.planwatch.catalogue.progress.Progress;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment.Rates;
import cn.gov.planwatch.planrules.compliance.ComplianceState;
import cn.gov.planwatch.planrules.rollup.ProgrammeRollUp.AgencyStanding;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The consolidated status of the plan at {@code asOf}. Every figure names the event(s) behind it
 * ({@code eventIds}) and links to them ({@code provenance}, see {@link Figures}).
 */
@Schema(description = "The consolidated status of the plan at asOf. Every figure names the events behind it"
        + " (eventIds) and links to them (provenance) / 规划实施全国汇总情况；每个数字均注明其所依据的事件")
public record NationalView(
        @Schema(description = "The instant the view stands at: the asOf asked for, or now", requiredMode = REQUIRED,
                example = "2025-06-30T16:00:00Z")
        Instant asOf,
        @Schema(requiredMode = REQUIRED) PlanSummary plan,
        @Schema(description = "Every indicator of the plan, in catalogue order", requiredMode = REQUIRED)
        List<IndicatorLine> indicators,
        @Schema(description = "Every programme (专栏) of the plan, in catalogue order", requiredMode = REQUIRED)
        List<ProgrammeLine> programmes,
        @Schema(requiredMode = REQUIRED) Compliance compliance,
        @Schema(requiredMode = REQUIRED) Freshness freshness) {

    @Schema(name = "NationalViewPlan", description = "The plan the view is of / 规划")
    public record PlanSummary(
            @Schema(requiredMode = REQUIRED, example = "ip-2021-2025") String id,
            @Schema(description = "The version of the plan document in force", requiredMode = REQUIRED,
                    example = "1") String version,
            @Schema(requiredMode = REQUIRED, example = "“十四五”国家知识产权保护和运用规划") String titleZh,
            @Schema(requiredMode = REQUIRED, example = "14th Five-Year Plan for the Protection and Utilisation of"
                    + " Intellectual Property") String titleEn,
            @Schema(requiredMode = REQUIRED, example = "2021") int firstYear,
            @Schema(requiredMode = REQUIRED, example = "2025") int targetYear) {
    }

    /**
     * @param series current value of each reported period, oldest first — what {@code progress} is measured on
     */
    @Schema(description = "One indicator: its definition, latest value, series and progress / 指标")
    public record IndicatorLine(
            @Schema(requiredMode = REQUIRED, example = "IND-01") String code,
            @Schema(requiredMode = REQUIRED, example = "每万人口高价值发明专利拥有量") String nameZh,
            @Schema(requiredMode = REQUIRED, example = "High-value invention patents per 10,000 population")
            String nameEn,
            @Schema(description = "The unit's Chinese symbol", requiredMode = REQUIRED, example = "件") String unit,
            @Schema(description = "The value the plan starts from; null where the catalogue has none",
                    nullable = true) Baseline baseline,
            @Schema(requiredMode = REQUIRED, example = "2025") int targetYear,
            @Schema(requiredMode = REQUIRED, example = "12") BigDecimal target,
            @Schema(description = "+1 when more is better, -1 when less is better", requiredMode = REQUIRED,
                    allowableValues = {"1", "-1"}, example = "1") int direction,
            @Schema(description = "The current report of the latest period; null until one is reported",
                    nullable = true) IndicatorFact latest,
            @Schema(requiredMode = REQUIRED) Progress progress,
            @Schema(description = "The current value of each reported period, oldest first: what progress is"
                    + " measured on", requiredMode = REQUIRED) List<SeriesPoint> series,
            @Schema(description = "The events behind the series", requiredMode = REQUIRED) List<UUID> eventIds,
            @Schema(description = PROVENANCE, requiredMode = REQUIRED,
                    example = "/api/v1/national-view/provenance/indicator:IND-01") String provenance) {
    }

    @Schema(description = "The current value of one period / 某一期的现值")
    public record SeriesPoint(
            @Schema(description = "YYYY or YYYY-Qn", requiredMode = REQUIRED, example = "2024") String period,
            @Schema(requiredMode = REQUIRED, example = "11.8") BigDecimal value,
            @Schema(description = "1 for the first report of the period, 2 for its first revision, …",
                    requiredMode = REQUIRED, example = "1") int revision,
            @Schema(requiredMode = REQUIRED) UUID eventId,
            @Schema(description = PROVENANCE, requiredMode = REQUIRED,
                    example = "/api/v1/national-view/provenance/indicator:IND-01/2024") String provenance) {
    }

    /**
     * @param status                 the lead agency's latest status, {@code NOT_REPORTED} until it reports
     * @param percentComplete        the lead agency's latest estimate
     * @param quarter                the quarter of the lead agency's latest report
     * @param worstParticipantStatus the most severe latest status among participating agencies
     */
    @Schema(description = "One programme (专栏) and how it stands / 专栏进展")
    public record ProgrammeLine(
            @Schema(requiredMode = REQUIRED, example = "patent-navigation") String slug,
            @Schema(description = "The box (专栏) number in the plan", requiredMode = REQUIRED, example = "7") int box,
            @Schema(requiredMode = REQUIRED, example = "专利导航工程") String titleZh,
            @Schema(requiredMode = REQUIRED, example = "Patent navigation") String titleEn,
            @Schema(description = "The lead agency's code", requiredMode = REQUIRED, example = "CNIPA")
            String leadAgency,
            @Schema(description = "The lead agency's latest status; NOT_REPORTED until it reports",
                    requiredMode = REQUIRED, allowableValues = {"NOT_REPORTED", "NOT_STARTED", "ON_TRACK", "AT_RISK",
                    "DELAYED", "COMPLETED"}, example = "ON_TRACK") String status,
            @Schema(description = "The lead agency's latest estimate, 0–100; null until it reports", nullable = true,
                    minimum = "0", maximum = "100", example = "60") Integer percentComplete,
            @Schema(description = "The quarter of the lead agency's latest report; null until it reports",
                    nullable = true, example = "2025-Q3") String quarter,
            @Schema(description = "The most severe latest status among the participating agencies; null until one"
                    + " reports", nullable = true, allowableValues = {"NOT_STARTED", "ON_TRACK", "AT_RISK", "DELAYED",
                    "COMPLETED"}, example = "AT_RISK") String worstParticipantStatus,
            @Schema(description = "The participating agency with that status and its latest report; null until one"
                    + " reports", nullable = true) AgencyStanding worstParticipant,
            @Schema(requiredMode = REQUIRED) List<MilestoneLine> milestones,
            @Schema(description = "The reports behind status and worstParticipant", requiredMode = REQUIRED)
            List<UUID> eventIds,
            @Schema(description = PROVENANCE, requiredMode = REQUIRED,
                    example = "/api/v1/national-view/provenance/programme:patent-navigation") String provenance) {
    }

    /** {@code percentOfTarget} = value ÷ target × 100, one decimal; values are cumulative. */
    @Schema(description = "One milestone of a programme: the latest cumulative value reported / 专栏里程碑")
    public record MilestoneLine(
            @Schema(requiredMode = REQUIRED, example = "gi-demo-zones") String code,
            @Schema(requiredMode = REQUIRED, example = "建成100个国家地理标志产品保护示范区") String nameZh,
            @Schema(requiredMode = REQUIRED, example = "National GI-product protection demonstration zones built") String nameEn,
            @Schema(requiredMode = REQUIRED, example = "zones") String unit,
            @Schema(requiredMode = REQUIRED, example = "100") BigDecimal target,
            @Schema(description = "The latest value reported (cumulative); null until reported", nullable = true,
                    example = "37") BigDecimal value,
            @Schema(description = "value ÷ target × 100, one decimal; null until reported", nullable = true,
                    example = "37.0") BigDecimal percentOfTarget,
            @Schema(description = "The agency that reported the value; null until reported", nullable = true,
                    example = "SAMR") String agency,
            @Schema(description = "The quarter of that report; null until reported", nullable = true,
                    example = "2025-Q3") String quarter,
            @Schema(description = "The report behind the value (none until reported)", requiredMode = REQUIRED)
            List<UUID> eventIds,
            @Schema(description = PROVENANCE, requiredMode = REQUIRED,
                    example = "/api/v1/national-view/provenance/milestone:geographical-indications/gi-demo-zones")
            String provenance) {
    }

    /**
     * Agency × quarter states and rates, for the plan's quarters up to {@code lastQuarter} (the clock's quarter,
     * kept within the plan). Rates count only quarters whose deadline has passed.
     */
    @Schema(description = "Agency × quarter states of the quarterly updates and the rates, for the plan's quarters up"
            + " to lastQuarter. Rates count only quarters whose deadline has passed / 各单位各季度报送情况及报送率、按时率")
    public record Compliance(
            @Schema(description = "Time after a quarter's end until its update is due, ISO-8601",
                    requiredMode = REQUIRED, example = "P15D") String gracePeriod,
            @Schema(description = "The quarter of asOf, kept within the plan", requiredMode = REQUIRED,
                    example = "2025-Q3") String lastQuarter,
            @Schema(description = "The plan's quarters up to lastQuarter", requiredMode = REQUIRED) List<String> quarters,
            @Schema(description = "Every agency that owes updates, in catalogue order", requiredMode = REQUIRED)
            List<AgencyCompliance> agencies,
            @Schema(requiredMode = REQUIRED) List<QuarterCompliance> byQuarter,
            @Schema(description = "Over every agency and quarter", requiredMode = REQUIRED) Rates overall,
            @Schema(description = PROVENANCE, requiredMode = REQUIRED,
                    example = "/api/v1/national-view/provenance/compliance:overall") String provenance) {
    }

    @Schema(name = "AgencyComplianceLine", description = "One agency's updates and rates, with links to the events"
            + " behind them / 单位报送情况")
    public record AgencyCompliance(
            @Schema(requiredMode = REQUIRED, example = "SAMR") String agency,
            @Schema(requiredMode = REQUIRED, example = "市场监管总局") String nameZh,
            @Schema(requiredMode = REQUIRED, example = "State Administration for Market Regulation") String nameEn,
            @Schema(description = "The quarters it owes an update for", requiredMode = REQUIRED)
            List<UpdateCell> quarters,
            @Schema(requiredMode = REQUIRED) Rates rates,
            @Schema(description = PROVENANCE, requiredMode = REQUIRED,
                    example = "/api/v1/national-view/provenance/compliance:SAMR") String provenance) {
    }

    /** One agency's update for one quarter; {@code onTime} is null until first submitted. */
    @Schema(description = "One agency's update for one quarter / 单位某季度的报送")
    public record UpdateCell(
            @Schema(requiredMode = REQUIRED, example = "2025-Q2") String quarter,
            @Schema(description = "NOT_DUE (quarter not over), DUE (over, deadline not passed), OVERDUE (deadline"
                    + " passed, nothing submitted), SUBMITTED_ON_TIME / SUBMITTED_LATE (awaiting review; by the first"
                    + " submission), RETURNED (for revision, not resubmitted), ACCEPTED", requiredMode = REQUIRED,
                    example = "SUBMITTED_ON_TIME") ComplianceState state,
            @Schema(description = "The quarter's end (plan zone) plus the grace period", requiredMode = REQUIRED,
                    example = "2025-07-15T16:00:00Z") Instant deadline,
            @Schema(description = "When it was first submitted; null until then", nullable = true,
                    example = "2025-07-10T02:30:00Z") Instant firstSubmittedAt,
            @Schema(description = "When it was last submitted; null until first submitted", nullable = true,
                    example = "2025-07-12T08:00:00Z") Instant submittedAt,
            @Schema(description = "Whether the first submission came before the deadline; null until submitted",
                    nullable = true, example = "true") Boolean onTime,
            @Schema(description = "The lifecycle steps behind the state", requiredMode = REQUIRED) List<UUID> eventIds,
            @Schema(description = PROVENANCE, requiredMode = REQUIRED,
                    example = "/api/v1/national-view/provenance/compliance:SAMR/2025-Q2") String provenance) {
    }

    /** {@code states}: how many agencies are in each state. */
    @Schema(name = "QuarterComplianceLine", description = "One quarter across agencies, with a link to the events"
            + " behind it / 某季度汇总")
    public record QuarterCompliance(
            @Schema(requiredMode = REQUIRED, example = "2025-Q2") String quarter,
            @Schema(requiredMode = REQUIRED, example = "2025-07-15T16:00:00Z") Instant deadline,
            @Schema(description = "Whether the deadline lies before asOf", requiredMode = REQUIRED) boolean pastDeadline,
            @Schema(description = "How many agencies are in each state (states no agency is in are left out)",
                    requiredMode = REQUIRED, example = "{\"ACCEPTED\": 12, \"SUBMITTED_LATE\": 2, \"OVERDUE\": 4}")
            Map<ComplianceState, Integer> states,
            @Schema(requiredMode = REQUIRED) Rates rates,
            @Schema(description = PROVENANCE, requiredMode = REQUIRED,
                    example = "/api/v1/national-view/provenance/compliance:2025-Q2") String provenance) {
    }

    /**
     * @param newestEventAt the recorded instant of the newest event folded in
     * @param lastAppliedAt when the view last changed
     * @param trailingSeconds how far the view trails the newest event it holds (applied − recorded)
     */
    @Schema(description = "How fresh the live view is / 数据新鲜度")
    public record Freshness(
            @Schema(description = "The recorded instant of the newest event folded in; null before the first",
                    nullable = true, example = "2025-07-12T08:00:00Z") Instant newestEventAt,
            @Schema(description = "When the view last changed; null before the first event", nullable = true,
                    example = "2025-07-12T08:00:00.120Z") Instant lastAppliedAt,
            @Schema(description = "How many events the view has folded in", requiredMode = REQUIRED, example = "1284")
            long eventsApplied,
            @Schema(description = "How far the view trails the newest event it holds (applied − recorded), in"
                    + " seconds; null before the first event", nullable = true, example = "0.12")
            Double trailingSeconds) {
    }

    private static final String PROVENANCE = "The API link to the events behind this figure, as of the same instant"
            + " as the view";
}
