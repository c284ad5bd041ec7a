package cn.gov.planwatch.indicator.definition;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.progress.Progress;
import cn.gov.planwatch.catalogue.progress.ProgressMeasure;
import cn.gov.planwatch.indicator.observation.Observation;
import cn.gov.planwatch.indicator.observation.ObservationHistory;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.platform.problem.Problems;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/** The indicators as the catalogue defines them, with what has been reported against them. */
@RestController
class IndicatorController {

    private final PlanCatalogue catalogue;
    private final ObservationHistory history;
    private final ProgressMeasure progressMeasure;

    IndicatorController(PlanCatalogue catalogue, ObservationHistory history, ProgressMeasure progressMeasure) {
        this.catalogue = catalogue;
        this.history = history;
        this.progressMeasure = progressMeasure;
    }

    record SeriesPoint(String period, BigDecimal value) {
    }

    record IndicatorDetail(@JsonUnwrapped Indicator definition, Observation latest, List<SeriesPoint> series,
            Progress progress) {
    }

    @GetMapping("/api/v1/indicators")
    List<Indicator> indicators() {
        return catalogue.indicators();
    }

    @GetMapping("/api/v1/indicators/{code}")
    IndicatorDetail indicator(@PathVariable String code) {
        Indicator indicator = catalogue.indicator(code).orElseThrow(() -> Problems.notFound("indicator", code));
        List<Observation> current = history.currentSeries(indicator.code());
        List<ProgressMeasure.Point> points = current.stream()
                .map(o -> new ProgressMeasure.Point(ReportingPeriod.parse(o.period()).orElseThrow(), o.value()))
                .toList();
        return new IndicatorDetail(indicator, current.isEmpty() ? null : current.get(current.size() - 1),
                current.stream().map(o -> new SeriesPoint(o.period(), o.value())).toList(),
                progressMeasure.assess(indicator, points));
    }
}
