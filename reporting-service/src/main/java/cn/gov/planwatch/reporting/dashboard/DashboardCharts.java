package cn.gov.planwatch.reporting.dashboard;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.catalogue.progress.Progress;
import cn.gov.planwatch.planrules.compliance.ComplianceState;
import cn.gov.planwatch.reporting.nationalview.NationalView.IndicatorLine;
import cn.gov.planwatch.reporting.nationalview.NationalView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data behind the dashboard's charts, as JSON for the page's script to hand to ECharts (the page carries no
 * inline script: the gateway's content security policy forbids it). Years are placed on the plan's scale, where
 * {@code 2020} is the end of 2020 and a quarter sits at its own end.
 */
@Component
class DashboardCharts {

    private final JsonMapper json;
    private final MessageSource messages;

    DashboardCharts(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    /** One chart per indicator. */
    record IndicatorChart(String code, String title, String data) {
    }

    List<IndicatorChart> indicators(NationalView view, DashboardLinks links, Locale locale) {
        List<IndicatorChart> charts = new ArrayList<>();
        for (IndicatorLine line : view.indicators()) {
            Progress progress = line.progress();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("unit", line.unit());
            // The whole plan period, so that an indicator without a baseline or reports still spans the plan.
            data.put("years", List.of(view.plan().firstYear() - 1, line.targetYear()));
            data.put("labels", labels(locale, "reported", "baseline", "target", "path", "forecast"));
            data.put("reported", line.series().stream().map(p -> List.of(
                    ReportingPeriod.parse(p.period()).orElseThrow().endAsYear(), p.value(),
                    links.provenance(p.provenance()), p.period())).toList());
            boolean hasBase = progress.base() != null && progress.baseYear() != null;
            data.put("baseline", hasBase ? List.of(progress.baseYear(), progress.base()) : null);
            data.put("target", List.of(line.targetYear(), line.target()));
            data.put("path", hasBase ? List.of(List.of(progress.baseYear(), progress.base()),
                    List.of(line.targetYear(), line.target())) : null);
            data.put("forecast", forecast(line, progress));
            String name = links.english() ? line.nameEn() : line.nameZh();
            charts.add(new IndicatorChart(line.code(), name, json.writeValueAsString(data)));
        }
        return charts;
    }

    /** From the last annual value (or the base) to the target year's forecast; null without a forecast. */
    private static List<List<Object>> forecast(IndicatorLine line, Progress progress) {
        if (progress.forecast() == null) {
            return null;
        }
        List<Object> from = null;
        for (var point : line.series()) {
            ReportingPeriod period = ReportingPeriod.parse(point.period()).orElseThrow();
            if (!period.isQuarter()) {
                from = List.of(period.endAsYear(), point.value());
            }
        }
        if (from == null && progress.base() != null) {
            from = List.of(progress.baseYear(), progress.base());
        }
        return from == null ? null : List.of(from, List.of(line.targetYear(), progress.forecast()));
    }

    /** Agency × quarter, each cell a compliance state, clickable through to the lead agency's review of it. */
    String heatMap(NationalView view, DashboardLinks links, Locale locale) {
        var compliance = view.compliance();
        List<String> states = Arrays.stream(ComplianceState.values()).map(Enum::name).toList();
        List<List<Object>> cells = new ArrayList<>();
        List<String> agencies = new ArrayList<>();
        for (int a = 0; a < compliance.agencies().size(); a++) {
            var agency = compliance.agencies().get(a);
            agencies.add(links.english() ? agency.agency() : agency.nameZh());
            for (var cell : agency.quarters()) {
                cells.add(List.of(compliance.quarters().indexOf(cell.quarter()), a, cell.state().ordinal(),
                        links.review(agency.agency(), cell.quarter())));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("quarters", compliance.quarters());
        data.put("agencies", agencies);
        data.put("states", states.stream().map(s -> messages.getMessage("state." + s, null, locale)).toList());
        data.put("cells", cells);
        return json.writeValueAsString(data);
    }

    private Map<String, String> labels(Locale locale, String... keys) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : keys) {
            labels.put(key, messages.getMessage("chart." + key, null, locale));
        }
        return labels;
    }
}
