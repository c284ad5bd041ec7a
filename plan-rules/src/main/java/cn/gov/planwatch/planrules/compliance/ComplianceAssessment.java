package cn.gov.planwatch.planrules.compliance;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdate;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdateState;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Completeness and timeliness of one plan's quarterly updates, from its obligations and the lifecycle state, as of
 * an instant.
 *
 * <p>Rates count only quarters whose deadline has passed (earlier, a missing update is not yet a gap): reporting
 * rate = updates now submitted or accepted ÷ updates owed; on-time rate = updates first submitted before the deadline
 * ÷ updates ever submitted (a returned one included). Timeliness is measured by the first submission, so a return by
 * the lead does not make an on-time agency late. Rates are null where nothing is counted yet.
 */
public final class ComplianceAssessment {

    private final QuarterlyObligations obligations;

    public ComplianceAssessment(QuarterlyObligations obligations) {
        this.obligations = obligations;
    }

    public QuarterlyObligations obligations() {
        return obligations;
    }

    /**
     * One agency's update for one quarter. {@code onTime} is null until first submitted; {@code review} is the latest
     * acceptance or return; {@code eventId} is the lifecycle event behind {@code state}.
     */
    public record Cell(String agency, String quarter, ComplianceState state, Instant deadline, Instant submittedAt,
            Instant firstSubmittedAt, Boolean onTime, QuarterlyUpdate.Review review, UUID eventId) {
    }

    /** Counts and ratios (4 decimals, HALF_UP) over the quarters past their deadline. */
    @Schema(description = "Reporting and on-time rates over the quarters whose deadline has passed / 报送率与按时率")
    public record Rates(
            @Schema(description = "Updates owed whose deadline has passed", requiredMode = REQUIRED, example = "18")
            int owed,
            @Schema(description = "Of those, submitted or accepted (a returned update is not complete)",
                    requiredMode = REQUIRED, example = "16") int reported,
            @Schema(description = "reported ÷ owed, 4 decimals; null when nothing is owed yet", nullable = true,
                    example = "0.8889") BigDecimal reportingRate,
            @Schema(description = "Of those owed, ever submitted", requiredMode = REQUIRED, example = "16")
            int submitted,
            @Schema(description = "Of those submitted, first submitted before the deadline", requiredMode = REQUIRED,
                    example = "14") int onTime,
            @Schema(description = "onTime ÷ submitted, 4 decimals; null when nothing was submitted", nullable = true,
                    example = "0.8750") BigDecimal onTimeRate) {
    }

    public record AgencyCompliance(String agency, List<Cell> quarters, Rates rates) {
    }

    /** {@code states}: how many agencies are in each state for the quarter. */
    public record QuarterCompliance(String quarter, Instant deadline, boolean pastDeadline,
            Map<ComplianceState, Integer> states, Rates rates) {
    }

    public record ComplianceMatrix(Instant asOf, String gracePeriod, List<String> quarters,
            List<AgencyCompliance> agencies, List<QuarterCompliance> byQuarter, Rates overall) {
    }

    /** {@code update}: the lifecycle state, or null when nothing has happened to it. */
    public static ComplianceState state(Obligation owed, QuarterlyUpdate update, Instant now) {
        QuarterlyUpdateState lifecycle = update == null ? QuarterlyUpdateState.OPEN : update.state();
        return switch (lifecycle) {
            case ACCEPTED -> ComplianceState.ACCEPTED;
            case RETURNED -> ComplianceState.RETURNED;
            case SUBMITTED -> update.firstSubmittedAt().isBefore(owed.deadline())
                    ? ComplianceState.SUBMITTED_ON_TIME : ComplianceState.SUBMITTED_LATE;
            case OPEN -> now.isBefore(owed.quarterEnd()) ? ComplianceState.NOT_DUE
                    : now.isBefore(owed.deadline()) ? ComplianceState.DUE : ComplianceState.OVERDUE;
        };
    }

    public Cell cell(Obligation owed, QuarterlyUpdate update, Instant now) {
        Instant first = update == null ? null : update.firstSubmittedAt();
        return new Cell(owed.agency(), owed.quarter().toString(), state(owed, update, now), owed.deadline(),
                update == null ? null : update.submittedAt(), first,
                first == null ? null : first.isBefore(owed.deadline()),
                update == null ? null : update.lastReview(), update == null ? null : update.lastEventId());
    }

    /** Over every quarter of the plan; {@code updates}: the agency's lifecycle state, any order. */
    public AgencyCompliance agency(String agency, List<QuarterlyUpdate> updates, Instant now) {
        return agency(agency, updates, now, obligations.quarters());
    }

    private AgencyCompliance agency(String agency, List<QuarterlyUpdate> updates, Instant now,
            List<ReportingPeriod> quarters) {
        Map<String, QuarterlyUpdate> byQuarter = updates.stream()
                .collect(Collectors.toMap(QuarterlyUpdate::quarter, Function.identity()));
        List<Cell> cells = obligations.owedBy(agency, quarters).stream()
                .map(owed -> cell(owed, byQuarter.get(owed.quarter().toString()), now)).toList();
        return new AgencyCompliance(agency, cells, rates(cells, now));
    }

    /** Every agency that owes anything × every quarter of the plan; {@code updates}: all lifecycle state. */
    public ComplianceMatrix matrix(List<QuarterlyUpdate> updates, Instant now) {
        return matrix(updates, now, null);
    }

    /**
     * Every agency that owes anything × the plan's quarters up to {@code lastQuarter} (all of them when null);
     * {@code updates}: all lifecycle state.
     */
    public ComplianceMatrix matrix(List<QuarterlyUpdate> updates, Instant now, ReportingPeriod lastQuarter) {
        List<ReportingPeriod> quarters = lastQuarter == null ? obligations.quarters()
                : obligations.quartersUpTo(lastQuarter);
        Map<String, List<QuarterlyUpdate>> byAgency = updates.stream()
                .collect(Collectors.groupingBy(QuarterlyUpdate::agency));
        List<AgencyCompliance> agencies = obligations.agencies().stream()
                .map(agency -> agency(agency, byAgency.getOrDefault(agency, List.of()), now, quarters)).toList();
        List<Cell> all = agencies.stream().flatMap(a -> a.quarters().stream()).toList();
        List<QuarterCompliance> byQuarter = new ArrayList<>();
        for (ReportingPeriod quarter : quarters) {
            List<Cell> cells = all.stream().filter(c -> c.quarter().equals(quarter.toString())).toList();
            Map<ComplianceState, Integer> states = new EnumMap<>(ComplianceState.class);
            cells.forEach(c -> states.merge(c.state(), 1, Integer::sum));
            Instant deadline = obligations.deadline(quarter);
            byQuarter.add(new QuarterCompliance(quarter.toString(), deadline, !now.isBefore(deadline), states,
                    rates(cells, now)));
        }
        return new ComplianceMatrix(now, obligations.grace().toString(),
                quarters.stream().map(ReportingPeriod::toString).toList(), agencies, byQuarter, rates(all, now));
    }

    public static Rates rates(List<Cell> cells, Instant now) {
        List<Cell> assessed = cells.stream().filter(c -> !now.isBefore(c.deadline())).toList();
        int reported = (int) assessed.stream().filter(c -> c.state().reported()).count();
        int submitted = (int) assessed.stream().filter(c -> c.onTime() != null).count();
        int onTime = (int) assessed.stream().filter(c -> Boolean.TRUE.equals(c.onTime())).count();
        return new Rates(assessed.size(), reported, ratio(reported, assessed.size()), submitted, onTime,
                ratio(onTime, submitted));
    }

    private static BigDecimal ratio(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
