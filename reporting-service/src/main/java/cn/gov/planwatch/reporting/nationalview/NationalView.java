package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.Baseline;
import cn.gov.planwatch.catalogue.progress.Progress;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment.Rates;
import cn.gov.planwatch.planrules.compliance.ComplianceState;
import cn.gov.planwatch.planrules.rollup.ProgrammeRollUp.AgencyStanding;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The consolidated status of the plan at {@code asOf}. Every figure names the event(s) behind it
 * ({@code eventIds}) and links to them ({@code provenance}, see {@link Figures}).
 */
public record NationalView(
        Instant asOf,
        PlanSummary plan,
        List<IndicatorLine> indicators,
        List<ProgrammeLine> programmes,
        Compliance compliance,
        Freshness freshness) {

    public record PlanSummary(String id, String version, String titleZh, String titleEn, int firstYear,
            int targetYear) {
    }

    /**
     * @param series current value of each reported period, oldest first — what {@code progress} is measured on
     */
    public record IndicatorLine(String code, String nameZh, String nameEn, String unit, Baseline baseline,
            int targetYear, BigDecimal target, int direction, IndicatorFact latest, Progress progress,
            List<SeriesPoint> series, List<UUID> eventIds, String provenance) {
    }

    public record SeriesPoint(String period, BigDecimal value, int revision, UUID eventId, String provenance) {
    }

    /**
     * @param status                 the lead agency's latest status, {@code NOT_REPORTED} until it reports
     * @param percentComplete        the lead agency's latest estimate
     * @param quarter                the quarter of the lead agency's latest report
     * @param worstParticipantStatus the most severe latest status among participating agencies
     */
    public record ProgrammeLine(String slug, int box, String titleZh, String titleEn, String leadAgency,
            String status, Integer percentComplete, String quarter, String worstParticipantStatus,
            AgencyStanding worstParticipant, List<MilestoneLine> milestones, List<UUID> eventIds, String provenance) {
    }

    /** {@code percentOfTarget} = value ÷ target × 100, one decimal; values are cumulative. */
    public record MilestoneLine(String code, String nameZh, String nameEn, String unit, BigDecimal target,
            BigDecimal value, BigDecimal percentOfTarget, String agency, String quarter, List<UUID> eventIds,
            String provenance) {
    }

    /**
     * Agency × quarter states and rates, for the plan's quarters up to {@code lastQuarter} (the clock's quarter,
     * kept within the plan). Rates count only quarters whose deadline has passed.
     */
    public record Compliance(String gracePeriod, String lastQuarter, List<String> quarters,
            List<AgencyCompliance> agencies, List<QuarterCompliance> byQuarter, Rates overall, String provenance) {
    }

    public record AgencyCompliance(String agency, String nameZh, String nameEn, List<UpdateCell> quarters,
            Rates rates, String provenance) {
    }

    /** One agency's update for one quarter; {@code onTime} is null until first submitted. */
    public record UpdateCell(String quarter, ComplianceState state, Instant deadline, Instant firstSubmittedAt,
            Instant submittedAt, Boolean onTime, List<UUID> eventIds, String provenance) {
    }

    /** {@code states}: how many agencies are in each state. */
    public record QuarterCompliance(String quarter, Instant deadline, boolean pastDeadline,
            Map<ComplianceState, Integer> states, Rates rates, String provenance) {
    }

    /**
     * @param newestEventAt the recorded instant of the newest event folded in
     * @param lastAppliedAt when the view last changed
     * @param trailingSeconds how far the view trails the newest event it holds (applied − recorded)
     */
    public record Freshness(Instant newestEventAt, Instant lastAppliedAt, long eventsApplied,
            Double trailingSeconds) {
    }
}
