package cn.gov.planwatch.planrules.rollup;

import cn.gov.planwatch.catalogue.Milestone;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.programme.ProgressReported;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A programme's standing, from the current revisions of its reports.
 *
 * @param asOfQuarter      the quarter {@code notReported} is about (the current one, or the plan's last once it
 *                         ended); null when the roll-up was asked about no quarter
 * @param lead             the lead agency's latest report, or null
 * @param worstParticipant the participating agency whose latest report has the most severe status
 *                         ({@link ProgrammeStatus} order; ties go to the catalogue's order), or null
 * @param milestones       each milestone of the catalogue with the latest value reported for it
 * @param notReported      agencies on the programme with no report for {@code asOfQuarter}, lead first
 */
@Schema(description = "A programme's standing, from the current revisions of its reports / 专栏进展汇总")
public record ProgrammeRollUp(
        @Schema(description = "The quarter notReported is about: the current one, or the plan's last once it has"
                + " ended", requiredMode = REQUIRED, example = "2025-Q4") String asOfQuarter,
        @Schema(description = "The lead agency's latest report in brief, or null before it reports",
                requiredMode = REQUIRED, nullable = true) AgencyStanding lead,
        @Schema(description = "The participating agency whose latest report has the most severe status (DELAYED,"
                + " AT_RISK, NOT_STARTED, ON_TRACK, COMPLETED in that order), or null", requiredMode = REQUIRED,
                nullable = true) AgencyStanding worstParticipant,
        @Schema(description = "Each milestone of the catalogue with the latest value reported for it",
                requiredMode = REQUIRED) List<MilestoneStanding> milestones,
        @ArraySchema(arraySchema = @Schema(description = "Agencies of the programme with no report for asOfQuarter,"
                + " lead first", requiredMode = REQUIRED), schema = @Schema(example = "MPS"))
        List<String> notReported) {

    private static final String EVENT_ID = "0b6f1a52-6a3e-4a53-9d4e-2f1c3b7a9e10";

    public ProgrammeRollUp {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        notReported = notReported == null ? List.of() : List.copyOf(notReported);
    }

    /** An agency's latest report, in brief; {@code eventId} leads to the report itself. */
    @Schema(description = "An agency's latest report on a programme, in brief / 单位最近一次专栏进展报告（摘要）")
    public record AgencyStanding(
            @Schema(description = "The agency's code", requiredMode = REQUIRED, example = "SPC") String agency,
            @Schema(description = "The status it reported", requiredMode = REQUIRED, example = "AT_RISK") String status,
            @Schema(description = "The quarter of that report", requiredMode = REQUIRED, example = "2025-Q3")
            String quarter,
            @Schema(description = "The percentage it reported, 0–100", requiredMode = REQUIRED, example = "45")
            int percentComplete,
            @Schema(description = "The report's eventId", requiredMode = REQUIRED, example = EVENT_ID) UUID eventId) {

        static AgencyStanding of(ProgrammeReport report) {
            return new AgencyStanding(report.agency(), report.status(), report.quarter(), report.percentComplete(),
                    report.eventId());
        }
    }

    /**
     * A milestone against its target. Values are cumulative, so the latest report counts (latest quarter, then
     * latest in log order, whichever agency made it) — not a sum. {@code value}, {@code percentOfTarget} and the
     * source fields are null until someone reports it.
     */
    @Schema(description = "A milestone against its target: the latest value reported (latest quarter, then latest"
            + " recorded, whichever agency reported it). Values and their source are null until someone reports it"
            + " / 里程碑与其目标")
    public record MilestoneStanding(
            @Schema(description = "The milestone's code", requiredMode = REQUIRED, example = "gi-demo-zones")
            String code,
            @Schema(description = "Its Chinese name", requiredMode = REQUIRED, example = "建成100个国家地理标志产品保护示范区")
            String nameZh,
            @Schema(description = "Its English name", requiredMode = REQUIRED,
                    example = "National GI-product protection demonstration zones built") String nameEn,
            @Schema(description = "Its unit", requiredMode = REQUIRED, example = "zones") String unit,
            @Schema(description = "The value to reach by the plan's target year", requiredMode = REQUIRED,
                    example = "100") BigDecimal target,
            @Schema(description = "The latest value reported, or null", requiredMode = REQUIRED, nullable = true,
                    example = "37") BigDecimal value,
            @Schema(description = "value ÷ target × 100, one decimal, or null", requiredMode = REQUIRED,
                    nullable = true, example = "37.0") BigDecimal percentOfTarget,
            @Schema(description = "The agency that reported value, or null", requiredMode = REQUIRED, nullable = true,
                    example = "MARA") String agency,
            @Schema(description = "The quarter value was reported for, or null", requiredMode = REQUIRED,
                    nullable = true, example = "2025-Q3") String quarter,
            @Schema(description = "The report value comes from, or null", requiredMode = REQUIRED, nullable = true,
                    example = EVENT_ID) UUID eventId) {
    }

    /**
     * The latest report of each agency that has reported: its latest quarter's current revision. Agencies in
     * catalogue order (lead, then participants), then any others that reported under an earlier catalogue.
     */
    public static <R extends ProgrammeReport> Map<String, R> latestByAgency(Programme programme, List<R> current) {
        Map<String, R> latest = new LinkedHashMap<>();
        for (String agency : agenciesOf(programme)) {
            latest.put(agency, null);
        }
        for (R report : current) {
            R known = latest.get(report.agency());
            if (known == null || quarter(report).compareTo(quarter(known)) >= 0) {
                latest.put(report.agency(), report);
            }
        }
        latest.values().removeIf(Objects::isNull);
        return latest;
    }

    /** The standing without a quarter to check for gaps: {@code notReported} is empty. */
    public static ProgrammeRollUp of(Programme programme, List<? extends ProgrammeReport> current) {
        return of(programme, current, null);
    }

    /** {@code current}: the current revisions in log order; {@code asOf}: the quarter to check for gaps, or null. */
    public static ProgrammeRollUp of(Programme programme, List<? extends ProgrammeReport> current,
            ReportingPeriod asOf) {
        Map<String, ? extends ProgrammeReport> latest = latestByAgency(programme, current);
        AgencyStanding lead = Optional.ofNullable(latest.get(programme.leadAgency())).map(AgencyStanding::of)
                .orElse(null);
        AgencyStanding worst = programme.participatingAgencies().stream()
                .map(latest::get)
                .filter(Objects::nonNull)
                .reduce((a, b) -> severity(b) > severity(a) ? b : a)
                .map(AgencyStanding::of).orElse(null);
        List<MilestoneStanding> milestones = programme.milestones().stream()
                .map(milestone -> standing(milestone, current)).toList();
        List<String> notReported = asOf == null ? List.of() : agenciesOf(programme).stream()
                .filter(agency -> current.stream().noneMatch(
                        r -> r.agency().equals(agency) && r.quarter().equals(asOf.toString())))
                .toList();
        return new ProgrammeRollUp(asOf == null ? null : asOf.toString(), lead, worst, milestones, notReported);
    }

    /** The events behind the standing: the lead's and the worst participant's reports, then milestone sources. */
    public List<UUID> eventIds() {
        return Stream.concat(
                Stream.of(lead, worstParticipant).filter(Objects::nonNull).map(AgencyStanding::eventId),
                milestones.stream().map(MilestoneStanding::eventId).filter(Objects::nonNull))
                .distinct().toList();
    }

    /** The milestone's standing here, or one with nothing reported. */
    public MilestoneStanding milestone(Milestone milestone) {
        return milestones.stream().filter(m -> m.code().equals(milestone.code())).findFirst()
                .orElseGet(() -> standing(milestone, List.of()));
    }

    /** {@code value} as a percentage of {@code target}, one decimal; null without both, or for a zero target. */
    public static BigDecimal percentOf(BigDecimal value, BigDecimal target) {
        return value == null || target == null || target.signum() == 0 ? null
                : value.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);
    }

    private static MilestoneStanding standing(Milestone milestone, List<? extends ProgrammeReport> current) {
        ProgrammeReport source = null;
        BigDecimal value = null;
        for (ProgrammeReport report : current) {
            for (ProgressReported.MilestoneValue reported : report.milestones()) {
                if (reported.code().equals(milestone.code())
                        && (source == null || quarter(report).compareTo(quarter(source)) >= 0)) {
                    source = report;
                    value = reported.value();
                }
            }
        }
        return new MilestoneStanding(milestone.code(), milestone.nameZh(), milestone.nameEn(), milestone.unit(),
                milestone.target(), value, percentOf(value, milestone.target()),
                source == null ? null : source.agency(), source == null ? null : source.quarter(),
                source == null ? null : source.eventId());
    }

    private static List<String> agenciesOf(Programme programme) {
        List<String> agencies = new ArrayList<>();
        agencies.add(programme.leadAgency());
        programme.participatingAgencies().stream().filter(a -> !agencies.contains(a)).forEach(agencies::add);
        return agencies;
    }

    private static int severity(ProgrammeReport report) {
        return ProgrammeStatus.severityOf(report.status());
    }

    private static ReportingPeriod quarter(ProgrammeReport report) {
        return ReportingPeriod.parse(report.quarter()).orElseThrow();
    }
}
