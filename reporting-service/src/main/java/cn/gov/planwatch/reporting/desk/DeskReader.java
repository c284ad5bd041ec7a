package cn.gov.planwatch.reporting.desk;

import cn.gov.planwatch.reporting.desk.DeskView.IndicatorCard;
import cn.gov.planwatch.reporting.desk.DeskView.Item;
import cn.gov.planwatch.reporting.desk.DeskView.ProgrammeCard;
import cn.gov.planwatch.reporting.desk.DeskView.QuarterRow;
import cn.gov.planwatch.reporting.desk.DeskView.ReturnNotice;
import cn.gov.planwatch.reporting.serviceapi.Answer;
import cn.gov.planwatch.reporting.serviceapi.IndicatorServiceApi;
import cn.gov.planwatch.reporting.serviceapi.IndicatorServiceApi.IndicatorDefinition;
import cn.gov.planwatch.reporting.serviceapi.IndicatorServiceApi.Observation;
import cn.gov.planwatch.reporting.serviceapi.Person;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi.AgencyName;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi.AgencyQuarters;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi.ProgrammeDefinition;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi.ProgressReport;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi.QuarterlyUpdate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a ministry's desk from the services' APIs, as the person: the agency's quarters (programme-service), the
 * programmes it takes part in with its reports on them, the indicators it is responsible for with their history
 * (indicator-service). What is missing from a quarter is what the quarter owes (every programme; each indicator with a
 * Q4 update, for the year) and the agency has not reported.
 */
@Component
class DeskReader {

    private static final List<String> OPEN_STATES = List.of("RETURNED", "DUE", "OVERDUE");

    private final ProgrammeServiceApi programmeService;
    private final IndicatorServiceApi indicatorService;
    private final ZoneId zone;

    DeskReader(ProgrammeServiceApi programmeService, IndicatorServiceApi indicatorService,
            @Value("${planwatch.plan.zone}") ZoneId zone) {
        this.programmeService = programmeService;
        this.indicatorService = indicatorService;
        this.zone = zone;
    }

    /** {@code wanted}: the quarter to work on, or null for the one most in need (returned, else the latest due). */
    DeskView read(Person person, String plan, String wanted) {
        Set<String> notAnswering = new LinkedHashSet<>();
        Answer<AgencyQuarters> quartersAnswer = programmeService.agencyQuarters(person, plan, person.agency());
        if (!quartersAnswer.answered()) {
            // Said at once: a page never waits on one silent service call after another.
            return new DeskView(plan, person.agency(), null, null, null, List.of(quartersAnswer.service()), List.of(),
                    null, null, List.of(), List.of());
        }
        Answer<AgencyName> name = programmeService.agency(person, person.agency());
        if (!quartersAnswer.ok()) {
            String problem = quartersAnswer.problem() == null || quartersAnswer.problem().detail() == null
                    ? Integer.toString(quartersAnswer.status()) : quartersAnswer.problem().detail();
            return new DeskView(plan, person.agency(), nameZh(name), nameEn(name), problem, List.of(), List.of(),
                    null, null, List.of(), List.of());
        }
        AgencyQuarters quarters = quartersAnswer.body();

        Map<String, ProgrammeDefinition> programmes = new LinkedHashMap<>();
        Answer<List<ProgrammeDefinition>> definitions = programmeService.programmes(person, plan);
        if (definitions.ok()) {
            definitions.body().stream().filter(p -> quarters.programmes().contains(p.slug()))
                    .forEach(p -> programmes.put(p.slug(), p));
        } else {
            notAnswering.add(ProgrammeServiceApi.NAME);
        }
        Map<String, List<ProgressReport>> progress = new HashMap<>();
        for (String slug : programmes.keySet()) {
            Answer<List<ProgressReport>> reports = programmeService.progress(person, plan, slug);
            if (reports.ok()) {
                progress.put(slug, reports.body().stream()
                        .filter(r -> r.current() && person.agency().equals(r.agency())).toList());
            } else {
                notAnswering.add(ProgrammeServiceApi.NAME);
                break;
            }
        }

        Map<String, IndicatorDefinition> indicators = new LinkedHashMap<>();
        Map<String, List<Observation>> observations = new HashMap<>();
        Answer<List<IndicatorDefinition>> indicatorDefinitions = indicatorService.indicators(person, plan);
        if (indicatorDefinitions.ok()) {
            indicatorDefinitions.body().stream().filter(i -> person.agency().equals(i.responsibleAgency()))
                    .forEach(i -> indicators.put(i.code(), i));
            for (String code : indicators.keySet()) {
                Answer<List<Observation>> history = indicatorService.observations(person, plan, code);
                if (history.ok()) {
                    observations.put(code, history.body());
                } else {
                    notAnswering.add(IndicatorServiceApi.NAME);
                    break;
                }
            }
        } else {
            notAnswering.add(IndicatorServiceApi.NAME);
        }

        Owed owed = new Owed(programmes, progress, indicators, observations);
        List<QuarterRow> rows = quarters.quarters().stream()
                .map(cell -> new QuarterRow(cell.quarter(), cell.state(), dueDate(cell.deadline()),
                        owed.missing(cell, notAnswering.isEmpty())))
                .toList();
        QuarterlyUpdate cell = chosen(quarters.quarters(), wanted);
        QuarterRow row = cell == null ? null : rows.get(quarters.quarters().indexOf(cell));
        ReturnNotice returned = cell != null && "RETURNED".equals(cell.state()) && cell.review() != null
                ? new ReturnNotice(cell.review().reviewer(), cell.review().reviewedAt(), cell.review().reason(),
                        cell.review().items().stream().map(owed::item).toList())
                : null;
        List<String> named = returned == null ? List.of() : cell.review().items();
        Instant since = returned == null ? null : returned.returnedAt();
        String quarter = cell == null ? null : cell.quarter();

        List<IndicatorCard> indicatorCards = indicators.values().stream().map(definition -> {
            List<Observation> history = new ArrayList<>(observations.getOrDefault(definition.code(), List.of()));
            history.sort(Comparator.comparing(Observation::recordedAt).reversed());
            boolean flagged = named.contains(definition.code());
            boolean revised = flagged && history.stream().anyMatch(o -> o.recordedAt().isAfter(since));
            Map<String, String> values = new HashMap<>();
            values.put("period", quarter == null ? "" : quarter.substring(0, 4));
            return new IndicatorCard(definition, quarter != null && quarter.endsWith("Q4"), history, flagged, revised,
                    DeskForm.filled(values));
        }).toList();

        List<ProgrammeCard> programmeCards = programmes.values().stream().map(definition -> {
            List<ProgressReport> history = new ArrayList<>(progress.getOrDefault(definition.slug(), List.of()));
            history.sort(Comparator.comparing(ProgressReport::quarter).reversed());
            ProgressReport reported = history.stream().filter(r -> r.quarter().equals(quarter)).findFirst()
                    .orElse(null);
            ProgressReport prefill = reported != null ? reported : history.stream()
                    .filter(r -> quarter == null || r.quarter().compareTo(quarter) < 0).findFirst().orElse(null);
            boolean flagged = named.contains(definition.slug());
            boolean revised = flagged && reported != null && reported.recordedAt().isAfter(since);
            return new ProgrammeCard(definition, person.agency().equals(definition.leadAgency()), history, reported,
                    flagged, revised, DeskForm.filled(progressValues(prefill)));
        }).toList();

        return new DeskView(plan, person.agency(), nameZh(name), nameEn(name), null, List.copyOf(notAnswering), rows,
                row, returned, indicatorCards, programmeCards);
    }

    /** The quarter asked for; else the latest returned one; else the latest due or overdue; else the latest. */
    private static QuarterlyUpdate chosen(List<QuarterlyUpdate> cells, String wanted) {
        if (cells.isEmpty()) {
            return null;
        }
        for (QuarterlyUpdate cell : cells) {
            if (cell.quarter().equals(wanted)) {
                return cell;
            }
        }
        for (String state : OPEN_STATES) {
            for (int i = cells.size() - 1; i >= 0; i--) {
                if (cells.get(i).state().equals(state)) {
                    return cells.get(i);
                }
            }
        }
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (!cells.get(i).state().equals("NOT_DUE")) {
                return cells.get(i);
            }
        }
        return cells.get(0);
    }

    /** What a form shows before the person types: the agency's report for the quarter, else its latest before. */
    private static Map<String, String> progressValues(ProgressReport report) {
        Map<String, String> values = new HashMap<>();
        if (report == null) {
            return values;
        }
        values.put("status", report.status());
        values.put("percentComplete", Integer.toString(report.percentComplete()));
        values.put("summary", Objects.requireNonNullElse(report.summary(), ""));
        values.put("risks", Objects.requireNonNullElse(report.risks(), ""));
        report.measures().forEach(m -> {
            values.put("measure." + m.code() + ".status", m.status());
            values.put("measure." + m.code() + ".note", Objects.requireNonNullElse(m.note(), ""));
        });
        report.milestones().forEach(m -> values.put("milestone." + m.code() + ".value", m.value().toPlainString()));
        return values;
    }

    /** The last day an update is on time: the deadline is midnight after it. */
    private LocalDate dueDate(Instant deadline) {
        return deadline == null ? null : LocalDate.ofInstant(deadline.minusNanos(1), zone);
    }

    private static String nameZh(Answer<AgencyName> name) {
        return name.ok() ? name.body().nameZh() : null;
    }

    private static String nameEn(Answer<AgencyName> name) {
        return name.ok() ? name.body().nameEn() : null;
    }

    /** What the agency owes each quarter, and what it has reported, as the services answered. */
    private record Owed(Map<String, ProgrammeDefinition> programmes, Map<String, List<ProgressReport>> progress,
            Map<String, IndicatorDefinition> indicators, Map<String, List<Observation>> observations) {

        /** Null when a service did not answer: the page does not guess. */
        List<Item> missing(QuarterlyUpdate cell, boolean complete) {
            if (!complete) {
                return null;
            }
            Set<Item> missing = new LinkedHashSet<>();
            for (ProgrammeDefinition programme : programmes.values()) {
                if (progress.getOrDefault(programme.slug(), List.of()).stream()
                        .noneMatch(r -> r.quarter().equals(cell.quarter()))) {
                    missing.add(item(programme.slug()));
                }
            }
            if (cell.quarter().endsWith("Q4")) {
                String year = cell.quarter().substring(0, 4);
                for (IndicatorDefinition indicator : indicators.values()) {
                    if (observations.getOrDefault(indicator.code(), List.of()).stream()
                            .noneMatch(o -> o.current() && o.period().equals(year))) {
                        missing.add(item(indicator.code()));
                    }
                }
            }
            if ("RETURNED".equals(cell.state()) && cell.review() != null) {
                Instant since = cell.review().reviewedAt();
                for (String named : cell.review().items()) {
                    if (!revisedSince(named, cell.quarter(), since)) {
                        missing.add(item(named));
                    }
                }
            }
            return List.copyOf(missing);
        }

        private boolean revisedSince(String code, String quarter, Instant since) {
            if (programmes.containsKey(code)) {
                return progress.getOrDefault(code, List.of()).stream()
                        .anyMatch(r -> r.quarter().equals(quarter) && r.recordedAt().isAfter(since));
            }
            return observations.getOrDefault(code, List.of()).stream().anyMatch(o -> o.recordedAt().isAfter(since));
        }

        /** An item by its code: a programme's slug or an indicator's code (named as the services name it). */
        Item item(String code) {
            ProgrammeDefinition programme = programmes.get(code);
            if (programme != null) {
                return new Item("programme", code, programme.titleZh(), programme.titleEn());
            }
            IndicatorDefinition indicator = indicators.get(code);
            if (indicator != null) {
                return new Item("indicator", code, indicator.nameZh(), indicator.nameEn());
            }
            return new Item(code.matches("IND-\\d+") ? "indicator" : "programme", code, code, code);
        }
    }
}
