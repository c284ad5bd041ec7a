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
import cn.gov.planwatch.reporting.nationalview.ComplianceRules.Cell;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
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
    private final ComplianceRules compliance;
    private final PlanQuarters quarters;
    private final Clock clock;

    NationalViewReader(PlanCatalogue catalogue, NationalViewStore indicators, ProgrammeProgressStore progress,
            QuarterlyUpdateStore updates, ProgressMeasure progressMeasure, ComplianceRules compliance,
            PlanQuarters quarters, Clock clock) {
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
            Map<String, ProgrammeStanding> standings = progress.liveStandings();
            programmeLines = catalogue.programmes().stream()
                    .map(p -> line(p, standings.getOrDefault(p.slug(), ProgrammeStanding.of(p, List.of())), null))
                    .toList();
        } else {
            indicatorLines = indicatorLines(indicators.currentSeries(asOf), period -> true, asOf);
            programmeLines = programmeLines(progress.current(null, asOf), quarter -> true, asOf);
        }
        return new NationalView(now, planSummary(), indicatorLines, programmeLines,
                compliance(updates.lifecycles(asOf), now, quarters.quarterAt(now), asOf), indicators.freshness());
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
        return new PlanSummary(plan.id(), plan.version(), plan.titleZh(), plan.titleEn(), plan.firstYear(),
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
            return line(programme, ProgrammeStanding.of(programme, reports), asOf);
        }).toList();
    }

    private ProgrammeLine line(Programme programme, ProgrammeStanding standing, Instant asOf) {
        var lead = standing.lead();
        var worst = standing.worstParticipant();
        List<MilestoneLine> milestones = new ArrayList<>();
        for (Milestone milestone : programme.milestones()) {
            var value = standing.milestones().stream().filter(m -> m.code().equals(milestone.code())).findFirst()
                    .orElse(new ProgrammeStanding.MilestoneValue(milestone.code(), null, null, null, null));
            milestones.add(new MilestoneLine(milestone.code(), milestone.nameZh(), milestone.nameEn(),
                    milestone.unit(), milestone.target(), value.value(), percentOf(value.value(), milestone.target()),
                    value.agency(), value.quarter(), value.eventId() == null ? List.of() : List.of(value.eventId()),
                    Figures.href(Figures.milestone(programme.slug(), milestone.code()), asOf)));
        }
        List<UUID> eventIds = Stream.of(lead, worst).filter(Objects::nonNull)
                .map(ProgrammeStanding.AgencyStatus::eventId).distinct().toList();
        return new ProgrammeLine(programme.slug(), programme.box(), programme.titleZh(), programme.titleEn(),
                programme.leadAgency(), lead == null ? "NOT_REPORTED" : lead.status(),
                lead == null ? null : lead.percentComplete(), lead == null ? null : lead.quarter(),
                worst == null ? null : worst.status(), worst, milestones, eventIds,
                Figures.href(Figures.programme(programme.slug()), asOf));
    }

    private static BigDecimal percentOf(BigDecimal value, BigDecimal target) {
        return value == null || target == null || target.signum() == 0 ? null
                : value.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);
    }

    private Compliance compliance(Map<UpdateKey, QuarterlyLifecycle> lifecycles, Instant now,
            ReportingPeriod lastQuarter, Instant asOf) {
        List<ReportingPeriod> shown = quarters.upTo(lastQuarter);
        List<AgencyCompliance> agencies = new ArrayList<>();
        List<Cell> all = new ArrayList<>();
        for (String code : compliance.agencies()) {
            Agency agency = catalogue.agency(code).orElseThrow();
            List<Cell> cells = shown.stream().filter(q -> compliance.owes(code, q))
                    .map(q -> compliance.cell(code, q, lifecycles.getOrDefault(new UpdateKey(code, q.toString()),
                            QuarterlyLifecycle.NOT_STARTED), now))
                    .toList();
            all.addAll(cells);
            agencies.add(new AgencyCompliance(code, agency.nameZh(), agency.nameEn(),
                    cells.stream().map(c -> cell(c, asOf)).toList(), ComplianceRules.rates(cells, now),
                    Figures.href(Figures.agencyRates(code), asOf)));
        }
        List<QuarterCompliance> byQuarter = new ArrayList<>();
        for (ReportingPeriod quarter : shown) {
            List<Cell> cells = all.stream().filter(c -> c.quarter().equals(quarter.toString())).toList();
            Map<ComplianceState, Integer> states = new EnumMap<>(ComplianceState.class);
            cells.forEach(c -> states.merge(c.state(), 1, Integer::sum));
            Instant deadline = compliance.deadline(quarter);
            byQuarter.add(new QuarterCompliance(quarter.toString(), deadline, !now.isBefore(deadline), states,
                    ComplianceRules.rates(cells, now), Figures.href(Figures.quarterRates(quarter.toString()), asOf)));
        }
        return new Compliance(compliance.grace().toString(), lastQuarter.toString(),
                shown.stream().map(ReportingPeriod::toString).toList(), agencies, byQuarter,
                ComplianceRules.rates(all, now), Figures.href(Figures.OVERALL_RATES, asOf));
    }

    private static UpdateCell cell(Cell cell, Instant asOf) {
        return new UpdateCell(cell.quarter(), cell.state(), cell.deadline(), cell.firstSubmittedAt(),
                cell.submittedAt(), cell.onTime(), cell.eventIds(),
                Figures.href(Figures.update(cell.agency(), cell.quarter()), asOf));
    }
}
