package cn.gov.planwatch.programme.submission;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.Milestone;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.programme.plan.LastObservations;
import cn.gov.planwatch.programme.plan.PlanInForce;
import cn.gov.planwatch.programme.progress.ProgressHistory;
import cn.gov.planwatch.programme.progress.ProgressReport;
import cn.gov.planwatch.programme.submission.internal.SubmissionTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An agency's template for a quarter: the indicators it reports in the plan's version in force, with their units and
 * the last values folded from the indicator topic, and the programmes it takes part in, with its last report on each.
 */
@Component
class SubmissionTemplates {

    private final LastObservations lastObservations;
    private final ProgressHistory progress;

    SubmissionTemplates(LastObservations lastObservations, ProgressHistory progress) {
        this.lastObservations = lastObservations;
        this.progress = progress;
    }

    SubmissionTemplate of(PlanInForce plan, String agency, ReportingPeriod quarter) {
        Map<String, LastObservations.LastObservation> last = lastObservations.of(plan.id(), agency);
        var indicators = plan.document().indicatorsReportedBy(agency).stream().map(indicator -> {
            Optional<LastObservations.LastObservation> value = Optional.ofNullable(last.get(indicator.code()));
            return new SubmissionTemplate.IndicatorLine(indicator.code(), name(indicator),
                    indicator.unit().symbolZh(), value.map(LastObservations.LastObservation::period).orElse(null),
                    value.map(LastObservations.LastObservation::value).orElse(null),
                    indicator.quarterly() ? quarter.toString() : String.valueOf(quarter.year()));
        }).toList();
        var programmes = plan.document().programmes().stream().filter(programme -> programme.involves(agency))
                .map(programme -> {
                    Optional<ProgressReport> latest = progress.current(plan.id(), programme.slug()).stream()
                            .filter(report -> report.agency().equals(agency))
                            .max(Comparator.comparing(ProgressReport::quarter));
                    return new SubmissionTemplate.ProgrammeLine(programme.slug(), title(programme),
                            latest.map(ProgressReport::quarter).orElse(null),
                            latest.map(report -> report.status() + " " + report.percentComplete() + "%").orElse(null),
                            programme.milestones().stream().map(Milestone::code).collect(Collectors.joining("; ")),
                            quarter.toString());
                }).toList();
        return new SubmissionTemplate(plan.id(), agency, quarter.toString(), indicators, programmes);
    }

    private static String name(Indicator indicator) {
        return indicator.nameZh() + " / " + indicator.nameEn();
    }

    private static String title(Programme programme) {
        return programme.titleZh() + " / " + programme.titleEn();
    }
}
