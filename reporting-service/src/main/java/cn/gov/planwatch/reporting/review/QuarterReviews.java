package cn.gov.planwatch.reporting.review;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.Measure;
import cn.gov.planwatch.catalogue.Milestone;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.reporting.serviceapi.Answer;
import cn.gov.planwatch.reporting.serviceapi.IndicatorServiceApi.Observation;
import cn.gov.planwatch.reporting.serviceapi.IndicatorServiceApi;
import cn.gov.planwatch.reporting.serviceapi.Person;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi.AgencyQuarters;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi.ProgressReport;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi.QuarterlyUpdate;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gathers one agency's quarter for review from the services that keep it: its state and what it owes from
 * programme-service, its indicators' values from indicator-service, its programme progress from programme-service.
 * Each read is made as the person; a service that does not answer leaves its part out, and the page says so.
 */
@Component
class QuarterReviews {

    private final ProgrammeServiceApi programmes;
    private final IndicatorServiceApi indicators;
    private final ReviewCatalogue catalogue;
    private final MessageSource messages;
    private final Clock clock;

    QuarterReviews(ProgrammeServiceApi programmes, IndicatorServiceApi indicators, ReviewCatalogue catalogue,
            MessageSource messages, Clock clock) {
        this.programmes = programmes;
        this.indicators = indicators;
        this.catalogue = catalogue;
        this.messages = messages;
        this.clock = clock;
    }

    QuarterReview of(String plan, String agency, String quarter, Person person) {
        PlanCatalogue document = catalogue.plan(plan);
        ReviewCatalogue.Reviewed reviewed = ReviewCatalogue.reviewed(document, agency, quarter);
        String code = reviewed.agency();
        ReportingPeriod period = reviewed.quarter();
        Locale locale = person.language();
        List<Answer<?>> failures = new ArrayList<>();

        Answer<AgencyQuarters> owed = programmes.agencyQuarters(person, plan, code);
        QuarterlyUpdate update = null;
        List<String> indicatorCodes;
        List<String> programmeSlugs;
        if (owed.ok()) {
            update = owed.body().quarters().stream().filter(c -> c.quarter().equals(period.toString())).findFirst()
                    .orElse(null);
            indicatorCodes = owed.body().indicators();
            programmeSlugs = owed.body().programmes();
        } else {
            // The plan says what the agency owes, too; only the update's state is missing.
            failures.add(owed);
            indicatorCodes = document.indicatorsReportedBy(code).stream().map(Indicator::code).toList();
            programmeSlugs = document.programmesInvolving(code).stream().map(Programme::slug).toList();
        }

        List<IndicatorChange> indicatorChanges = new ArrayList<>();
        for (String indicatorCode : indicatorCodes) {
            Optional<Indicator> indicator = document.indicator(indicatorCode);
            if (indicator.isEmpty()) {
                continue;
            }
            if (silent(failures, IndicatorServiceApi.NAME)) {
                break;
            }
            Answer<List<Observation>> reports = indicators.observations(person, plan, indicatorCode);
            if (!reports.ok()) {
                addOnce(failures, reports);
                continue;
            }
            indicatorChanges.addAll(indicatorChanges(indicator.get(), period, reports.body(), locale));
        }

        List<ProgrammeChange> programmeChanges = new ArrayList<>();
        for (String slug : programmeSlugs) {
            Optional<Programme> programme = document.programme(slug);
            if (programme.isEmpty()) {
                continue;
            }
            if (silent(failures, ProgrammeServiceApi.NAME)) {
                break;
            }
            Answer<List<ProgressReport>> reports = programmes.progress(person, plan, slug);
            if (!reports.ok()) {
                addOnce(failures, reports);
                continue;
            }
            programmeChanges.add(programmeChange(programme.get(), code, period, reports.body(), locale));
        }

        boolean waiting = update != null && update.awaitingReview() && update.submittedAt() != null;
        return new QuarterReview(code, ReviewCatalogue.agencyName(document, code, locale), period.toString(), update,
                update == null ? null : catalogue.dateTime(update.submittedAt()),
                waiting ? Days.between(update.submittedAt(), clock.instant()) : null, indicatorChanges,
                programmeChanges, failures);
    }

    /**
     * The periods of the quarter an indicator is reported for: the quarter itself where the indicator is quarterly,
     * and the quarter's year (owed with the Q4 update; shown earlier only where already reported).
     */
    private List<IndicatorChange> indicatorChanges(Indicator indicator, ReportingPeriod quarter,
            List<Observation> reports, Locale locale) {
        List<Observation> current = reports.stream().filter(Observation::current).toList();
        ReportingPeriod year = ReportingPeriod.ofYear(quarter.year());
        List<ReportingPeriod> periods = new ArrayList<>();
        if (indicator.quarterly()) {
            periods.add(quarter);
        }
        if (!indicator.quarterly() || quarter.quarter() == 4 || valueOf(current, year).isPresent()) {
            periods.add(year);
        }
        boolean english = ReviewCatalogue.english(locale);
        String name = english ? indicator.nameEn() : indicator.nameZh();
        String unit = english ? indicator.unit().nameEn() : indicator.unit().symbolZh();
        List<IndicatorChange> changes = new ArrayList<>();
        for (ReportingPeriod period : periods) {
            Optional<Observation> now = valueOf(current, period);
            Optional<Observation> before = current.stream()
                    .filter(o -> parsed(o).filter(p -> p.isQuarter() == period.isQuarter() && p.compareTo(period) < 0)
                            .isPresent())
                    .max(Comparator.comparing(o -> parsed(o).orElseThrow()));
            changes.add(new IndicatorChange(indicator.code(), name, unit, period.toString(),
                    now.map(Observation::value).orElse(null), now.map(Observation::comment).orElse(null),
                    now.map(Observation::source).orElse(null), now.map(Observation::revision).orElse(0),
                    before.map(Observation::period).orElse(null), before.map(Observation::value).orElse(null)));
        }
        return changes;
    }

    private ProgrammeChange programmeChange(Programme programme, String agency, ReportingPeriod quarter,
            List<ProgressReport> reports, Locale locale) {
        List<ProgressReport> mine = reports.stream()
                .filter(r -> r.current() && agency.equals(r.agency()) && ReportingPeriod.parse(r.quarter()).isPresent())
                .toList();
        ProgressReport now = mine.stream().filter(r -> r.quarter().equals(quarter.toString())).findFirst()
                .orElse(null);
        ProgressReport before = mine.stream()
                .filter(r -> ReportingPeriod.parse(r.quarter()).orElseThrow().compareTo(quarter) < 0)
                .max(Comparator.comparing(r -> ReportingPeriod.parse(r.quarter()).orElseThrow())).orElse(null);
        boolean english = ReviewCatalogue.english(locale);
        List<ProgrammeChange.Line> lines = new ArrayList<>();
        lines.add(line(label("review.field.status", locale), before, now, r -> statusName(r.status(), locale)));
        lines.add(line(label("review.field.percentComplete", locale), before, now, r -> r.percentComplete() + "%"));
        for (Measure measure : programme.measures()) {
            lines.add(line(english ? measure.titleEn() : measure.titleZh(), before, now,
                    r -> measure(r, measure.code(), locale)));
        }
        for (Milestone milestone : programme.milestones()) {
            lines.add(line((english ? milestone.nameEn() : milestone.nameZh()) + " (" + milestone.unit() + ")",
                    before, now, r -> milestone(r, milestone.code())));
        }
        lines.add(line(label("review.field.summary", locale), before, now, ProgressReport::summary));
        lines.add(line(label("review.field.risks", locale), before, now, ProgressReport::risks));
        // A measure or milestone neither report names says nothing to review.
        List<ProgrammeChange.Line> said = lines.stream()
                .filter(l -> l.previous() != null || l.current() != null).toList();
        return new ProgrammeChange(programme.slug(), english ? programme.titleEn() : programme.titleZh(),
                now != null, before == null ? null : before.quarter(), said);
    }

    private static ProgrammeChange.Line line(String label, ProgressReport before, ProgressReport now,
            Function<ProgressReport, String> value) {
        return new ProgrammeChange.Line(label, before == null ? null : value.apply(before),
                now == null ? null : value.apply(now));
    }

    private String measure(ProgressReport report, String code, Locale locale) {
        return report.measures().stream().filter(m -> code.equals(m.code())).findFirst()
                .map(m -> statusName(m.status(), locale) + (m.note() == null || m.note().isBlank() ? ""
                        : " — " + m.note()))
                .orElse(null);
    }

    private static String milestone(ProgressReport report, String code) {
        return report.milestones().stream().filter(m -> code.equals(m.code()) && m.value() != null).findFirst()
                .map(m -> m.value().toPlainString()).orElse(null);
    }

    private String statusName(String status, Locale locale) {
        return status == null ? null : messages.getMessage("status." + status, null, status, locale);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static Optional<Observation> valueOf(List<Observation> current, ReportingPeriod period) {
        return current.stream().filter(o -> period.toString().equals(o.period())).findFirst();
    }

    private static Optional<ReportingPeriod> parsed(Observation observation) {
        return ReportingPeriod.parse(observation.period());
    }

    /** Whether the service has not answered this page already: it is not asked again (each try waits). */
    private static boolean silent(List<Answer<?>> failures, String service) {
        return failures.stream().anyMatch(f -> f.service().equals(service) && !f.answered());
    }

    /** One notice per service: the page says once that it does not answer. */
    private static void addOnce(List<Answer<?>> failures, Answer<?> failure) {
        if (failures.stream().noneMatch(f -> f.service().equals(failure.service()) && f.status() == failure.status())) {
            failures.add(failure);
        }
    }
}
