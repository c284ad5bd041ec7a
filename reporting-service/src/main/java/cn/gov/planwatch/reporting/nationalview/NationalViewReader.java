package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.Milestone;
import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.spring.DefaultPlan;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.catalogue.progress.Progress;
import cn.gov.planwatch.catalogue.progress.ProgressMeasure;
import cn.gov.planwatch.planrules.UnknownPlanException;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment.Cell;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment.ComplianceMatrix;
import cn.gov.planwatch.planrules.compliance.QuarterlyObligations;
import cn.gov.planwatch.planrules.rollup.ProgrammeRollUp;
import cn.gov.planwatch.reporting.nationalview.NationalView.AgencyCompliance;
import cn.gov.planwatch.reporting.nationalview.NationalView.Compliance;
import cn.gov.planwatch.reporting.nationalview.NationalView.IndicatorLine;
import cn.gov.planwatch.reporting.nationalview.NationalView.MilestoneLine;
import cn.gov.planwatch.reporting.nationalview.NationalView.PlanSummary;
import cn.gov.planwatch.reporting.nationalview.NationalView.ProgrammeLine;
import cn.gov.planwatch.reporting.nationalview.NationalView.QuarterCompliance;
import cn.gov.planwatch.reporting.nationalview.NationalView.SeriesPoint;
import cn.gov.planwatch.reporting.nationalview.NationalView.UpdateCell;
import cn.gov.planwatch.reporting.nationalview.internal.NationalViewStore;
import cn.gov.planwatch.reporting.nationalview.internal.ProgrammeProgressStore;
import cn.gov.planwatch.reporting.nationalview.internal.QuarterlyUpdateStore;
import cn.gov.planwatch.reporting.nationalview.internal.QuarterlyUpdateStore.UpdateKey;
import cn.gov.planwatch.reporting.plan.PlansInForce;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Puts the national view of one plan together, with the version of the plan in force at the instant asked about: an
 * amended target changes progress from the amendment on, and a view as of before it keeps the old target. Live, it
 * reads the current value of each indicator period and measures progress on them, and reads what the projectors
 * maintain (programme roll-ups, update lifecycles) where they measured against that same version; as of an instant,
 * it folds the fact history recorded by then with the same domain functions. Only the clock-dependent part of compliance (due, overdue, which rates count) is decided here, at read
 * time, for the instant asked about.
 */
@Component
public class NationalViewReader {

    private final PlansInForce plans;
    private final DefaultPlan defaultPlan;
    private final NationalViewStore indicators;
    private final ProgrammeProgressStore progress;
    private final QuarterlyUpdateStore updates;
    private final ProgressMeasure progressMeasure;
    private final ZoneId zone;
    private final Period grace;
    private final Clock clock;

    /**
     * The grace must match programme-service's ({@code planwatch.quarterly.grace}), or the two disagree on lateness.
     */
    NationalViewReader(PlansInForce plans, DefaultPlan defaultPlan, NationalViewStore indicators,
            ProgrammeProgressStore progress, QuarterlyUpdateStore updates, ProgressMeasure progressMeasure,
            @Value("${planwatch.plan.zone}") ZoneId zone, @Value("${planwatch.quarterly.grace:P15D}") Period grace,
            Clock clock) {
        this.plans = plans;
        this.defaultPlan = defaultPlan;
        this.indicators = indicators;
        this.progress = progress;
        this.updates = updates;
        this.progressMeasure = progressMeasure;
        this.zone = zone;
        this.grace = grace;
        this.clock = clock;
    }

    /**
     * One plan as the national view reads it at an instant: the plan's version in force then, its calendar and
     * obligations, and where its figures' provenance lives.
     *
     * @param links the plan named in provenance links, null for the default plan (whose links stay unscoped)
     */
    private record PlanAt(PlanCatalogue catalogue, PlanCalendar calendar, ComplianceAssessment compliance,
            String links) {

        String id() {
            return catalogue.plan().id();
        }

        String href(String figure, Instant asOf) {
            return Figures.href(links, figure, asOf);
        }
    }

    /** @throws UnknownPlanException when the plan was not in force at {@code at} */
    private PlanAt planAt(String plan, Instant at) {
        String id = defaultPlan.or(plan);
        PlanCatalogue catalogue = plans.inForce(id, at).orElseThrow(() -> new UnknownPlanException(id));
        PlanCalendar calendar = new PlanCalendar(catalogue.plan(), zone, clock);
        return new PlanAt(catalogue, calendar,
                new ComplianceAssessment(new QuarterlyObligations(catalogue, calendar, grace)),
                id.equals(defaultPlan.id()) ? null : id);
    }

    /**
     * The view of {@code plan} (null: the default plan) now (null {@code asOf}), or as it stood at {@code asOf}: only
     * events recorded by then count, measured against the plan's version in force then.
     *
     * @throws UnknownPlanException when the plan was not in force then (never published)
     */
    public NationalView view(String plan, Instant asOf) {
        Instant now = asOf == null ? clock.instant() : asOf;
        PlanAt at = planAt(plan, now);
        PlanCatalogue catalogue = at.catalogue();
        // Indicators are measured on the values current then, live or as of an instant alike.
        List<IndicatorLine> indicatorLines = indicatorLines(at, indicators.currentSeries(at.id(), asOf),
                period -> true, asOf);
        List<ProgrammeLine> programmeLines;
        if (asOf == null) {
            Map<String, ProgrammeRollUp> standings = progress.liveStandings(at.id(), catalogue.plan().version());
            List<ProgressFact> reports = progress.current(at.id(), null, null);
            programmeLines = catalogue.programmes().stream()
                    .map(p -> line(at, p, standings.containsKey(p.slug()) ? standings.get(p.slug())
                            : ProgrammeRollUp.of(p, reportsOf(p, reports, quarter -> true)), null))
                    .toList();
        } else {
            programmeLines = programmeLines(at, progress.current(at.id(), null, asOf), quarter -> true, asOf);
        }
        return new NationalView(now, planSummary(catalogue), indicatorLines, programmeLines,
                compliance(at, updates.lifecycles(at.id(), asOf), now, at.calendar().quarterAt(now), asOf),
                indicators.freshness());
    }

    /**
     * A quarter of the plan now in force, named in a request.
     *
     * @throws UnknownPlanException when the plan is not in force now
     */
    public ReportingPeriod knownQuarter(String plan, String quarter) {
        return planAt(plan, clock.instant()).calendar().knownQuarter(quarter);
    }

    /**
     * The view of {@code plan} (null: the default plan) as known now, of what concerns the quarters up to
     * {@code quarter} only: indicator values of periods ending by the quarter's end, progress reports for quarters up
     * to it, compliance up to it. What the quarterly report is made of.
     */
    public NationalView upToQuarter(String plan, ReportingPeriod quarter) {
        Instant now = clock.instant();
        PlanAt at = planAt(plan, now);
        return new NationalView(now, planSummary(at.catalogue()),
                indicatorLines(at, indicators.currentSeries(at.id(), null), period -> period.compareTo(quarter) <= 0,
                        null),
                programmeLines(at, progress.current(at.id(), null, null), q -> q.compareTo(quarter) <= 0, null),
                compliance(at, updates.lifecycles(at.id(), null), now, quarter, null), indicators.freshness());
    }

    private static PlanSummary planSummary(PlanCatalogue catalogue) {
        Plan plan = catalogue.plan();
        return new PlanSummary(plan.id(), String.valueOf(plan.version()), plan.titleZh(), plan.titleEn(),
                plan.firstYear(), plan.targetYear());
    }

    private List<IndicatorLine> indicatorLines(PlanAt at, Map<String, List<IndicatorFact>> series,
            Predicate<ReportingPeriod> periods, Instant asOf) {
        return at.catalogue().indicators().stream().map(indicator -> {
            List<IndicatorFact> facts = series.getOrDefault(indicator.code(), List.of()).stream()
                    .filter(f -> periods.test(ReportingPeriod.parse(f.period()).orElseThrow())).toList();
            return line(at, indicator, facts, asOf);
        }).toList();
    }

    /**
     * An indicator's line, its progress measured on {@code series} against the plan's version in force: measured here
     * rather than kept by the projector, since the view reads the current values anyway.
     */
    private IndicatorLine line(PlanAt at, Indicator indicator, List<IndicatorFact> series, Instant asOf) {
        Progress progress = progressMeasure.assess(indicator, NationalViewStore.points(series));
        IndicatorFact latest = series.isEmpty() ? null : series.get(series.size() - 1);
        List<SeriesPoint> points = series.stream().map(f -> new SeriesPoint(f.period(), f.value(), f.revision(),
                f.eventId(), at.href(Figures.indicatorPeriod(indicator.code(), f.period()), asOf))).toList();
        return new IndicatorLine(indicator.code(), indicator.nameZh(), indicator.nameEn(), indicator.unit().symbolZh(),
                indicator.baseline(), indicator.target().year(), indicator.target().value(), indicator.direction(),
                latest, progress, points, series.stream().map(IndicatorFact::eventId).toList(),
                at.href(Figures.indicator(indicator.code()), asOf));
    }

    private List<ProgrammeLine> programmeLines(PlanAt at, List<ProgressFact> current,
            Predicate<ReportingPeriod> quarterFilter, Instant asOf) {
        return at.catalogue().programmes().stream()
                .map(programme -> line(at, programme,
                        ProgrammeRollUp.of(programme, reportsOf(programme, current, quarterFilter)), asOf))
                .toList();
    }

    private static List<ProgressFact> reportsOf(Programme programme, List<ProgressFact> current,
            Predicate<ReportingPeriod> quarterFilter) {
        return current.stream().filter(r -> r.programme().equals(programme.slug()))
                .filter(r -> quarterFilter.test(ReportingPeriod.parse(r.quarter()).orElseThrow())).toList();
    }

    private ProgrammeLine line(PlanAt at, Programme programme, ProgrammeRollUp standing, Instant asOf) {
        var lead = standing.lead();
        var worst = standing.worstParticipant();
        List<MilestoneLine> milestones = new ArrayList<>();
        for (Milestone milestone : programme.milestones()) {
            // The target is the plan version's in force, whatever it was when the standing was recorded.
            var value = standing.milestone(milestone);
            milestones.add(new MilestoneLine(milestone.code(), milestone.nameZh(), milestone.nameEn(),
                    milestone.unit(), milestone.target(), value.value(),
                    ProgrammeRollUp.percentOf(value.value(), milestone.target()),
                    value.agency(), value.quarter(), value.eventId() == null ? List.of() : List.of(value.eventId()),
                    at.href(Figures.milestone(programme.slug(), milestone.code()), asOf)));
        }
        List<UUID> eventIds = Stream.of(lead, worst).filter(Objects::nonNull)
                .map(ProgrammeRollUp.AgencyStanding::eventId).distinct().toList();
        return new ProgrammeLine(programme.slug(), programme.box(), programme.titleZh(), programme.titleEn(),
                programme.leadAgency(), lead == null ? "NOT_REPORTED" : lead.status(),
                lead == null ? null : lead.percentComplete(), lead == null ? null : lead.quarter(),
                worst == null ? null : worst.status(), worst, milestones, eventIds,
                at.href(Figures.programme(programme.slug()), asOf));
    }

    /** The plan's compliance rules, with the names, event ids and provenance links the national view adds. */
    private Compliance compliance(PlanAt at, Map<UpdateKey, FoldedUpdate> lifecycles, Instant now,
            ReportingPeriod lastQuarter, Instant asOf) {
        ComplianceMatrix matrix = at.compliance().matrix(
                lifecycles.values().stream().map(FoldedUpdate::update).toList(), now, lastQuarter);
        List<AgencyCompliance> agencies = matrix.agencies().stream().map(owing -> {
            Agency agency = at.catalogue().agency(owing.agency()).orElseThrow();
            return new AgencyCompliance(owing.agency(), agency.nameZh(), agency.nameEn(),
                    owing.quarters().stream().map(c -> cell(at, c, lifecycles, asOf)).toList(), owing.rates(),
                    at.href(Figures.agencyRates(owing.agency()), asOf));
        }).toList();
        List<QuarterCompliance> byQuarter = matrix.byQuarter().stream()
                .map(q -> new QuarterCompliance(q.quarter(), q.deadline(), q.pastDeadline(), q.states(), q.rates(),
                        at.href(Figures.quarterRates(q.quarter()), asOf)))
                .toList();
        return new Compliance(matrix.gracePeriod(), lastQuarter.toString(), matrix.quarters(), agencies, byQuarter,
                matrix.overall(), at.href(Figures.OVERALL_RATES, asOf));
    }

    private static UpdateCell cell(PlanAt at, Cell cell, Map<UpdateKey, FoldedUpdate> lifecycles, Instant asOf) {
        FoldedUpdate folded = lifecycles.get(new UpdateKey(cell.agency(), cell.quarter()));
        return new UpdateCell(cell.quarter(), cell.state(), cell.deadline(), cell.firstSubmittedAt(),
                cell.submittedAt(), cell.onTime(), folded == null ? List.of() : folded.eventIds(),
                at.href(Figures.update(cell.agency(), cell.quarter()), asOf));
    }
}
