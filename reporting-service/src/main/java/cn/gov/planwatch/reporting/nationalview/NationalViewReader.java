package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.Milestone;
import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.catalogue.progress.Progress;
import cn.gov.planwatch.catalogue.progress.ProgressMeasure;
import cn.gov.planwatch.planrules.UnknownPlanException;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment.Cell;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment.ComplianceMatrix;
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
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Puts the national view together. Live, it reads what the projectors maintain (indicator progress, programme
 * roll-ups, update lifecycles); as of an instant, it folds the fact history recorded by then with the same
 * domain functions. Only the clock-dependent part of compliance (due, overdue, which rates count) is decided
 * here, at read time, for the instant asked about.
 */
@Component
public class NationalViewReader {

    private final PlanCatalogue catalogue;
    private final NationalViewStore indicators;
    private final ProgrammeProgressStore progress;
    private final QuarterlyUpdateStore updates;
    private final ProgressMeasure progressMeasure;
    private final ComplianceAssessment compliance;
    private final PlanCalendar quarters;
    private final Clock clock;

    NationalViewReader(PlanCatalogue catalogue, NationalViewStore indicators, ProgrammeProgressStore progress,
            QuarterlyUpdateStore updates, ProgressMeasure progressMeasure, ComplianceAssessment compliance,
            PlanCalendar quarters, Clock clock) {
        this.catalogue = catalogue;
        this.indicators = indicators;
        this.progress = progress;
        this.updates = updates;
        this.progressMeasure = progressMeasure;
        this.compliance = compliance;
        this.quarters = quarters;
        this.clock = clock;
    }

    /** The view now (null {@code asOf}), or as it stood at {@code asOf}: only events recorded by then count. */
    public NationalView view(Instant asOf) {
        Instant now = asOf == null ? clock.instant() : asOf;
        List<IndicatorLine> indicatorLines;
        List<ProgrammeLine> programmeLines;
        if (asOf == null) {
            var live = indicators.liveStatus();
            var series = indicators.currentSeries(null);
            indicatorLines = catalogue.indicators().stream().map(indicator -> {
                var status = live.get(indicator.code());
                List<IndicatorFact> facts = series.getOrDefault(indicator.code(), List.of());
                return line(indicator, facts, status == null ? null : status.progress(), null);
            }).toList();
            Map<String, ProgrammeRollUp> standings = progress.liveStandings();
            programmeLines = catalogue.programmes().stream()
                    .map(p -> line(p, standings.getOrDefault(p.slug(), ProgrammeRollUp.of(p, List.of())), null))
                    .toList();
        } else {
            indicatorLines = indicatorLines(indicators.currentSeries(asOf), period -> true, asOf);
            programmeLines = programmeLines(progress.current(null, asOf), quarter -> true, asOf);
        }
        return new NationalView(now, planSummary(), indicatorLines, programmeLines,
                compliance(updates.lifecycles(asOf), now, quarters.quarterAt(now), asOf), indicators.freshness());
    }

    /** The view of {@code plan} now (null {@code asOf}) or as it stood at {@code asOf}; an unknown plan is refused. */
    public NationalView view(String plan, Instant asOf) {
        if (!catalogue.plan().id().equals(plan)) {
            throw new UnknownPlanException(plan);
        }
        return view(asOf);
    }

    /**
     * The view as known now, of what concerns the quarters up to {@code quarter} only: indicator values of periods
     * ending by the quarter's end, progress reports for quarters up to it, compliance up to it. What the quarterly
     * report is made of.
     */
    public NationalView upToQuarter(ReportingPeriod quarter) {
        Instant now = clock.instant();
        return new NationalView(now, planSummary(),
                indicatorLines(indicators.currentSeries(null), period -> period.compareTo(quarter) <= 0, null),
                programmeLines(progress.current(null, null), q -> q.compareTo(quarter) <= 0, null),
                compliance(updates.lifecycles(null), now, quarter, null), indicators.freshness());
    }

    private PlanSummary planSummary() {
        Plan plan = catalogue.plan();
        return new PlanSummary(plan.id(), String.valueOf(plan.version()), plan.titleZh(), plan.titleEn(), plan.firstYear(),
                plan.targetYear());
    }

    private List<IndicatorLine> indicatorLines(Map<String, List<IndicatorFact>> series,
            Predicate<ReportingPeriod> periods, Instant asOf) {
        return catalogue.indicators().stream().map(indicator -> {
            List<IndicatorFact> facts = series.getOrDefault(indicator.code(), List.of()).stream()
                    .filter(f -> periods.test(ReportingPeriod.parse(f.period()).orElseThrow())).toList();
            return line(indicator, facts, null, asOf);
        }).toList();
    }

    /** {@code known}: the progress the projector maintains (live), or null to measure it on {@code series}. */
    private IndicatorLine line(Indicator indicator, List<IndicatorFact> series, Progress known, Instant asOf) {
        Progress progress = known != null ? known
                : progressMeasure.assess(indicator, NationalViewStore.points(series));
        IndicatorFact latest = series.isEmpty() ? null : series.get(series.size() - 1);
        List<SeriesPoint> points = series.stream().map(f -> new SeriesPoint(f.period(), f.value(), f.revision(),
                f.eventId(), Figures.href(Figures.indicatorPeriod(indicator.code(), f.period()), asOf))).toList();
        return new IndicatorLine(indicator.code(), indicator.nameZh(), indicator.nameEn(), indicator.unit().symbolZh(),
                indicator.baseline(), indicator.target().year(), indicator.target().value(), indicator.direction(),
                latest, progress, points, series.stream().map(IndicatorFact::eventId).toList(),
                Figures.href(Figures.indicator(indicator.code()), asOf));
    }

    private List<ProgrammeLine> programmeLines(List<ProgressFact> current, Predicate<ReportingPeriod> quarterFilter,
            Instant asOf) {
        return catalogue.programmes().stream().map(programme -> {
            List<ProgressFact> reports = current.stream().filter(r -> r.programme().equals(programme.slug()))
                    .filter(r -> quarterFilter.test(ReportingPeriod.parse(r.quarter()).orElseThrow())).toList();
            return line(programme, ProgrammeRollUp.of(programme, reports), asOf);
        }).toList();
    }

    private ProgrammeLine line(Programme programme, ProgrammeRollUp standing, Instant asOf) {
        var lead = standing.lead();
        var worst = standing.worstParticipant();
        List<MilestoneLine> milestones = new ArrayList<>();
        for (Milestone milestone : programme.milestones()) {
            // The target is the catalogue's now, whatever it was when the standing was recorded.
            var value = standing.milestone(milestone);
            milestones.add(new MilestoneLine(milestone.code(), milestone.nameZh(), milestone.nameEn(),
                    milestone.unit(), milestone.target(), value.value(),
                    ProgrammeRollUp.percentOf(value.value(), milestone.target()),
                    value.agency(), value.quarter(), value.eventId() == null ? List.of() : List.of(value.eventId()),
                    Figures.href(Figures.milestone(programme.slug(), milestone.code()), asOf)));
        }
        List<UUID> eventIds = Stream.of(lead, worst).filter(Objects::nonNull)
                .map(ProgrammeRollUp.AgencyStanding::eventId).distinct().toList();
        return new ProgrammeLine(programme.slug(), programme.box(), programme.titleZh(), programme.titleEn(),
                programme.leadAgency(), lead == null ? "NOT_REPORTED" : lead.status(),
                lead == null ? null : lead.percentComplete(), lead == null ? null : lead.quarter(),
                worst == null ? null : worst.status(), worst, milestones, eventIds,
                Figures.href(Figures.programme(programme.slug()), asOf));
    }

    /** The plan's compliance rules, with the names, event ids and provenance links the national view adds. */
    private Compliance compliance(Map<UpdateKey, FoldedUpdate> lifecycles, Instant now,
            ReportingPeriod lastQuarter, Instant asOf) {
        ComplianceMatrix matrix = compliance.matrix(lifecycles.values().stream().map(FoldedUpdate::update).toList(),
                now, lastQuarter);
        List<AgencyCompliance> agencies = matrix.agencies().stream().map(owing -> {
            Agency agency = catalogue.agency(owing.agency()).orElseThrow();
            return new AgencyCompliance(owing.agency(), agency.nameZh(), agency.nameEn(),
                    owing.quarters().stream().map(c -> cell(c, lifecycles, asOf)).toList(), owing.rates(),
                    Figures.href(Figures.agencyRates(owing.agency()), asOf));
        }).toList();
        List<QuarterCompliance> byQuarter = matrix.byQuarter().stream()
                .map(q -> new QuarterCompliance(q.quarter(), q.deadline(), q.pastDeadline(), q.states(), q.rates(),
                        Figures.href(Figures.quarterRates(q.quarter()), asOf)))
                .toList();
        return new Compliance(matrix.gracePeriod(), lastQuarter.toString(), matrix.quarters(), agencies, byQuarter,
                matrix.overall(), Figures.href(Figures.OVERALL_RATES, asOf));
    }

    private static UpdateCell cell(Cell cell, Map<UpdateKey, FoldedUpdate> lifecycles, Instant asOf) {
        FoldedUpdate folded = lifecycles.get(new UpdateKey(cell.agency(), cell.quarter()));
        return new UpdateCell(cell.quarter(), cell.state(), cell.deadline(), cell.firstSubmittedAt(),
                cell.submittedAt(), cell.onTime(), folded == null ? List.of() : folded.eventIds(),
                Figures.href(Figures.update(cell.agency(), cell.quarter()), asOf));
    }
}
