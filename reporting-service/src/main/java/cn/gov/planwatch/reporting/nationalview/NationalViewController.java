package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.catalogue.progress.Progress;
import cn.gov.planwatch.catalogue.progress.ProgressMeasure;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.reporting.nationalview.NationalView.Compliance;
import cn.gov.planwatch.reporting.nationalview.NationalView.IndicatorLine;
import cn.gov.planwatch.reporting.nationalview.NationalView.MilestoneLine;
import cn.gov.planwatch.reporting.nationalview.NationalView.PlanSummary;
import cn.gov.planwatch.reporting.nationalview.NationalView.ProgrammeLine;
import cn.gov.planwatch.reporting.nationalview.internal.NationalViewStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@RestController
class NationalViewController {

    private final PlanCatalogue catalogue;
    private final NationalViewStore store;
    private final ProgressMeasure progressMeasure;
    private final Clock clock;

    NationalViewController(PlanCatalogue catalogue, NationalViewStore store, ProgressMeasure progressMeasure,
            Clock clock) {
        this.catalogue = catalogue;
        this.store = store;
        this.progressMeasure = progressMeasure;
        this.clock = clock;
    }

    @GetMapping("/api/v1/national-view")
    NationalView nationalView(@RequestParam(required = false) String asOf) {
        Instant at = asOf == null ? null : parseInstant(asOf);
        Plan plan = catalogue.plan();
        List<IndicatorLine> indicators = at == null ? live() : catalogue.indicators().stream().map(i -> asOf(i, at))
                .toList();
        List<ProgrammeLine> programmes = catalogue.programmes().stream()
                .map(p -> new ProgrammeLine(p.slug(), p.box(), p.titleZh(), p.titleEn(), p.leadAgency(),
                        "NOT_REPORTED", null,
                        p.milestones().stream().map(m -> new MilestoneLine(m.code(), m.target(), null, List.of()))
                                .toList(),
                        List.of()))
                .toList();
        return new NationalView(at == null ? clock.instant() : at,
                new PlanSummary(plan.id(), plan.version(), plan.titleZh(), plan.titleEn(), plan.firstYear(),
                        plan.targetYear()),
                indicators, programmes, new Compliance(List.of(), List.of(), null, null), store.freshness());
    }

    /** The live view reads what the projector maintains; nothing is recomputed per request. */
    private List<IndicatorLine> live() {
        var statuses = store.liveStatus();
        return catalogue.indicators().stream().map(indicator -> {
            var status = statuses.get(indicator.code());
            return status == null
                    ? line(indicator, null, progressMeasure.assess(indicator, List.of()), List.of())
                    : line(indicator, status.latest(), status.progress(), status.eventIds());
        }).toList();
    }

    private IndicatorLine line(Indicator indicator, IndicatorFact latest, Progress progress, List<UUID> eventIds) {
        return new IndicatorLine(indicator.code(), indicator.nameZh(), indicator.nameEn(),
                indicator.unit().symbolZh(), indicator.target().value(), latest, progress, eventIds);
    }

    private IndicatorLine asOf(Indicator indicator, Instant asOf) {
        var series = store.currentSeries(indicator.code(), asOf);
        var latest = series.isEmpty() ? null : series.get(series.size() - 1);
        return line(indicator, latest, progressMeasure.assess(indicator, NationalViewStore.points(series)),
                series.stream().map(IndicatorFact::eventId).toList());
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("asOf", "must be an ISO-8601 instant, e.g. 2025-06-30T16:00:00Z");
        }
    }
}
