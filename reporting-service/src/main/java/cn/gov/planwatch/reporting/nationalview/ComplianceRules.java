package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Who owes which quarterly update by when, and where each stands — the rules of programme-service's compliance
 * package, restated here because that code lives inside the service (see the reporting-service report):
 * every agency on a programme owes every quarter, an agency responsible for indicators owes each Q4; the
 * deadline is the quarter's end (plan zone) plus the grace period; a submission strictly before it is on time.
 */
public final class ComplianceRules {

    private final PlanCatalogue catalogue;
    private final PlanQuarters quarters;
    private final Period grace;

    public ComplianceRules(PlanCatalogue catalogue, PlanQuarters quarters, Period grace) {
        this.catalogue = catalogue;
        this.quarters = quarters;
        this.grace = grace;
    }

    /**
     * One agency's update for one quarter at an instant. {@code onTime} is null until first submitted;
     * {@code eventIds} are the lifecycle steps behind the state.
     */
    public record Cell(String agency, String quarter, ComplianceState state, Instant deadline,
            Instant firstSubmittedAt, Instant submittedAt, Boolean onTime, List<UUID> eventIds) {
    }

    /** Counts and ratios (4 decimals, half up) over the quarters whose deadline has passed; null ratio on 0. */
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

    public Period grace() {
        return grace;
    }

    public Instant deadline(ReportingPeriod quarter) {
        return quarters.endOf(quarter).plus(grace).toInstant();
    }

    public boolean owes(String agency, ReportingPeriod quarter) {
        return !catalogue.programmesInvolving(agency).isEmpty()
                || quarter.quarter() == 4 && !catalogue.indicatorsReportedBy(agency).isEmpty();
    }

    /** Agencies that owe anything under the plan, in catalogue order. */
    public List<String> agencies() {
        return catalogue.agencies().stream().map(Agency::code)
                .filter(code -> quarters.all().stream().anyMatch(q -> owes(code, q))).toList();
    }

    public static ComplianceState state(Instant quarterEnd, Instant deadline, QuarterlyLifecycle update,
            Instant now) {
        return switch (update.stage()) {
            case ACCEPTED -> ComplianceState.ACCEPTED;
            case RETURNED -> ComplianceState.RETURNED;
            case SUBMITTED -> update.firstSubmittedAt().isBefore(deadline) ? ComplianceState.SUBMITTED_ON_TIME
                    : ComplianceState.SUBMITTED_LATE;
            case OPEN -> now.isBefore(quarterEnd) ? ComplianceState.NOT_DUE
                    : now.isBefore(deadline) ? ComplianceState.DUE : ComplianceState.OVERDUE;
        };
    }

    public Cell cell(String agency, ReportingPeriod quarter, QuarterlyLifecycle update, Instant now) {
        Instant deadline = deadline(quarter);
        Instant first = update.firstSubmittedAt();
        return new Cell(agency, quarter.toString(),
                state(quarters.endOf(quarter).toInstant(), deadline, update, now), deadline, first,
                update.submittedAt(), first == null ? null : first.isBefore(deadline), update.eventIds());
    }

    /** Reporting rate = submitted or accepted ÷ owed; on-time rate = first submitted in time ÷ ever submitted. */
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
