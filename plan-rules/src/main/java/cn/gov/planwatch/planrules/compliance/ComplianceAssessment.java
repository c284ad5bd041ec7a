package cn.gov.planwatch.planrules.compliance;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdate;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdateState;

import io.swagger.v3.oas.annotations.media.ArraySchema;
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

    private static final String EVENT_ID = "0b6f1a52-6a3e-4a53-9d4e-2f1c3b7a9e10";

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
    @Schema(name = "AgencyQuarter", description = "One agency's update for one quarter, as the lead agency sees it"
            + " / 单位某季度的更新")
    public record Cell(
            @Schema(description = "The agency's code", requiredMode = REQUIRED, example = "SAMR") String agency,
            @Schema(description = "The quarter, YYYY-Qn", requiredMode = REQUIRED, example = "2025-Q3") String quarter,
            @Schema(description = "NOT_DUE: the quarter has not ended; DUE: ended, deadline not passed; OVERDUE:"
                    + " deadline passed, nothing submitted; SUBMITTED_ON_TIME / SUBMITTED_LATE: awaiting review, first"
                    + " submitted before / not before the deadline; RETURNED: returned for revision and not"
                    + " resubmitted; ACCEPTED: accepted, the quarter is locked", requiredMode = REQUIRED,
                    example = "SUBMITTED_ON_TIME") ComplianceState state,
            @Schema(description = "When the update is due: the quarter's end plus the grace period",
                    requiredMode = REQUIRED, example = "2025-10-15T16:00:00Z") Instant deadline,
            @Schema(description = "The latest submission, or null", requiredMode = REQUIRED, nullable = true,
                    example = "2025-10-12T01:15:00Z") Instant submittedAt,
            @Schema(description = "The first submission, by which timeliness is measured, or null",
                    requiredMode = REQUIRED, nullable = true, example = "2025-10-09T06:30:00Z") Instant firstSubmittedAt,
            @Schema(description = "Whether first submitted before the deadline; null until submitted",
                    requiredMode = REQUIRED, nullable = true, example = "true") Boolean onTime,
            @Schema(description = "The latest acceptance or return by the lead agency, or null",
                    requiredMode = REQUIRED, nullable = true) QuarterlyUpdate.Review review,
            @Schema(description = "The lifecycle event behind state, or null while nothing has happened",
                    requiredMode = REQUIRED, nullable = true, example = EVENT_ID) UUID eventId) {
    }

    /** Counts and ratios (4 decimals, HALF_UP) over the quarters past their deadline. */
    @Schema(name = "ComplianceRates", description = "Reporting and on-time rates over the quarters whose deadline has"
            + " passed / 报送率与按时率")
    public record Rates(
            @Schema(description = "Updates owed whose deadline has passed", requiredMode = REQUIRED, example = "18")
            int owed,
            @Schema(description = "Of those, submitted or accepted (a returned update is not complete)",
                    requiredMode = REQUIRED, example = "16") int reported,
            @Schema(description = "reported ÷ owed, 4 decimals; null when nothing is owed yet", requiredMode = REQUIRED,
                    nullable = true, example = "0.8889") BigDecimal reportingRate,
            @Schema(description = "Of those owed, ever submitted", requiredMode = REQUIRED, example = "16")
            int submitted,
            @Schema(description = "Of those submitted, first submitted before the deadline", requiredMode = REQUIRED,
                    example = "14") int onTime,
            @Schema(description = "onTime ÷ submitted, 4 decimals; null when nothing was submitted", requiredMode = REQUIRED,
                    nullable = true, example = "0.8750") BigDecimal onTimeRate) {
    }

    @Schema(description = "One agency's quarters and rates / 单位各季度的更新及其报送率、按时率")
    public record AgencyCompliance(
            @Schema(description = "The agency's code", requiredMode = REQUIRED, example = "SAMR") String agency,
            @Schema(description = "Every quarter the agency owes an update for, oldest first",
                    requiredMode = REQUIRED) List<Cell> quarters,
            @Schema(description = "The agency's rates", requiredMode = REQUIRED) Rates rates) {
    }

    /** {@code states}: how many agencies are in each state for the quarter. */
    @Schema(description = "One quarter's totals over the agencies / 某季度各单位汇总")
    public record QuarterCompliance(
            @Schema(description = "The quarter, YYYY-Qn", requiredMode = REQUIRED, example = "2025-Q3") String quarter,
            @Schema(description = "When the quarter's updates are due", requiredMode = REQUIRED,
                    example = "2025-10-15T16:00:00Z") Instant deadline,
            @Schema(description = "Whether the deadline has passed at asOf", requiredMode = REQUIRED,
                    example = "true") boolean pastDeadline,
            @Schema(description = "How many agencies are in each state (only states that occur)",
                    requiredMode = REQUIRED, example = "{\"OVERDUE\": 16, \"SUBMITTED_ON_TIME\": 1, \"SUBMITTED_LATE\": 1}")
            Map<ComplianceState, Integer> states,
            @Schema(description = "The quarter's rates", requiredMode = REQUIRED) Rates rates) {
    }

    @Schema(description = "Every agency that owes quarterly updates × every quarter of the plan, with per-quarter"
            + " totals and rates / 单位×季度报送矩阵")
    public record ComplianceMatrix(
            @Schema(description = "The instant the states and rates are computed for", requiredMode = REQUIRED,
                    example = "2025-10-20T02:00:00Z") Instant asOf,
            @Schema(description = "How long after a quarter's end its update is due (ISO-8601 duration)",
                    requiredMode = REQUIRED, example = "P15D") String gracePeriod,
            @ArraySchema(arraySchema = @Schema(description = "Every quarter of the plan, oldest first",
                    requiredMode = REQUIRED), schema = @Schema(example = "2021-Q1")) List<String> quarters,
            @Schema(description = "Each agency's quarters and rates", requiredMode = REQUIRED)
            List<AgencyCompliance> agencies,
            @Schema(description = "Each quarter's totals over the agencies", requiredMode = REQUIRED)
            List<QuarterCompliance> byQuarter,
            @Schema(description = "The rates over every agency and quarter", requiredMode = REQUIRED) Rates overall) {
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
