package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.progress.Progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The consolidated status of the plan at {@code asOf}. Every figure names the event(s) behind it.
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

    public record IndicatorLine(String code, String nameZh, String nameEn, String unit, BigDecimal target,
            IndicatorFact latest, Progress progress, List<UUID> eventIds) {
    }

    public record ProgrammeLine(String slug, int box, String titleZh, String titleEn, String leadAgency,
            String status, Integer percentComplete, List<MilestoneLine> milestones, List<UUID> eventIds) {
    }

    public record MilestoneLine(String code, BigDecimal target, BigDecimal value, List<UUID> eventIds) {
    }

    /** Agency × quarter states and rates; filled once quarterly updates are reported. */
    public record Compliance(List<String> quarters, List<AgencyCompliance> agencies, Double reportingRate,
            Double onTimeRate) {
    }

    public record AgencyCompliance(String agency, List<String> states) {
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
