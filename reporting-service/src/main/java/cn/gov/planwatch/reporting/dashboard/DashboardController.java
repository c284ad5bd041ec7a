package cn.gov.planwatch.reporting.dashboard;

import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.reporting.nationalview.AsOf;
import cn.gov.planwatch.reporting.nationalview.NationalView;
import cn.gov.planwatch.reporting.nationalview.NationalViewReader;
import cn.gov.planwatch.reporting.provenance.FigureProvenance;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The lead agency's dashboard, rendered here and reached through the gateway, which relays the person's access
 * token. Pages: the overview ({@code /}, {@code /dashboard}) and the provenance of one figure.
 */
@Controller
class DashboardController {

    private final NationalViewReader reader;
    private final FigureProvenance provenance;
    private final DashboardCharts charts;
    private final PlanCalendar quarters;
    private final CallerResolver callers;

    DashboardController(NationalViewReader reader, FigureProvenance provenance, DashboardCharts charts,
            PlanCalendar quarters, CallerResolver callers) {
        this.reader = reader;
        this.provenance = provenance;
        this.charts = charts;
        this.quarters = quarters;
        this.callers = callers;
    }

    /** {@code date} (the picker: as it stood at the end of that day, plan zone) or {@code asOf} (an instant). */
    @GetMapping({"/", "/dashboard"})
    String overview(@RequestParam(required = false) String asOf, @RequestParam(required = false) String date,
            Model model, Locale locale) {
        requireLead();
        Instant at = date != null && !date.isEmpty() ? AsOf.endOfDay(date, quarters.zone()) : AsOf.parse(asOf);
        NationalView view = reader.view(null, at);
        DashboardLinks links = new DashboardLinks(at, locale.getLanguage());
        model.addAttribute("view", view);
        model.addAttribute("links", links);
        model.addAttribute("asOfDate", at == null ? null : LocalDate.ofInstant(at.minusNanos(1), quarters.zone()));
        model.addAttribute("indicatorCharts", charts.indicators(view, links, locale));
        model.addAttribute("heatMap", charts.heatMap(view, links, locale));
        return "dashboard/overview";
    }

    @GetMapping("/dashboard/provenance/{*figure}")
    String figure(@PathVariable String figure, @RequestParam(required = false) String asOf, Model model,
            Locale locale) {
        requireLead();
        Instant at = AsOf.parse(asOf);
        model.addAttribute("provenance", provenance.of(null, figure.substring(1), at));
        model.addAttribute("links", new DashboardLinks(at, locale.getLanguage()));
        return "dashboard/provenance";
    }

    private void requireLead() {
        Caller caller = callers.current();
        if (!caller.hasRole(Caller.LEAD)) {
            throw Problems.forbidden("the dashboard is the lead agency's");
        }
    }
}
