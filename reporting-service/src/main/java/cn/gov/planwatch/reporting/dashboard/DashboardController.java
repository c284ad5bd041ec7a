package cn.gov.planwatch.reporting.dashboard;

import cn.gov.planwatch.catalogue.spring.DefaultPlan;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.reporting.evaluation.PlanEvaluation;
import cn.gov.planwatch.reporting.evaluation.PlanEvaluations;
import cn.gov.planwatch.reporting.export.TabularReport;
import cn.gov.planwatch.reporting.nationalview.AsOf;
import cn.gov.planwatch.reporting.nationalview.NationalView;
import cn.gov.planwatch.reporting.nationalview.NationalViewReader;
import cn.gov.planwatch.reporting.provenance.FigureProvenance;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * The lead agency's dashboard, rendered here and reached through the gateway, which relays the person's access
 * token. Every page is of one plan: under {@code /dashboard/plans/{plan}}, or at the unscoped paths ({@code /},
 * {@code /dashboard…}), which mean the default plan. Pages: the overview, the evaluation (with its CSV and XLSX
 * downloads) and the provenance of one figure; each offers the other plans.
 */
@Controller
class DashboardController {

    /** The evaluation's downloads by the extension their link names. */
    private static final Map<String, MediaType> DOWNLOADS = Map.of("csv", MediaType.parseMediaType(TabularReport.CSV),
            "xlsx", MediaType.parseMediaType(TabularReport.XLSX));

    private final NationalViewReader reader;
    private final PlanEvaluations evaluations;
    private final FigureProvenance provenance;
    private final DashboardCharts charts;
    private final DashboardPlans plans;
    private final DefaultPlan defaultPlan;
    private final PlanCalendar quarters;
    private final CallerResolver callers;

    DashboardController(NationalViewReader reader, PlanEvaluations evaluations, FigureProvenance provenance,
            DashboardCharts charts, DashboardPlans plans, DefaultPlan defaultPlan, PlanCalendar quarters,
            CallerResolver callers) {
        this.reader = reader;
        this.evaluations = evaluations;
        this.provenance = provenance;
        this.charts = charts;
        this.plans = plans;
        this.defaultPlan = defaultPlan;
        this.quarters = quarters;
        this.callers = callers;
    }

    /** {@code date} (the picker: as it stood at the end of that day, plan zone) or {@code asOf} (an instant). */
    /**
     * Where a person lands after logging in: the lead agency on the overview, a ministry's reporter at its desk,
     * an operator at the console (in the language asked for).
     */
    @GetMapping("/")
    String home(@RequestParam(required = false) String asOf, @RequestParam(required = false) String date,
            @RequestParam(required = false) String lang, Model model, Locale locale) {
        Caller caller = callers.current();
        if (caller.hasRole(Caller.LEAD)) {
            return overview(null, asOf, date, model, locale);
        }
        String language = lang == null ? "" : "?lang=" + (lang.equals("en") ? "en" : "zh");
        if (caller.hasRole(Caller.REPORTER)) {
            return "redirect:/dashboard/desk" + language;
        }
        if (caller.hasRole(Caller.OPERATOR)) {
            return "redirect:/dashboard/ops" + language;
        }
        throw Problems.forbidden("no page for this role");
    }

    @GetMapping({"/dashboard", "/dashboard/plans/{plan}"})
    String overview(@PathVariable(required = false) String plan, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String date, Model model, Locale locale) {
        requireLead();
        Instant at = at(asOf, date);
        NationalView view = reader.view(defaultPlan.or(plan), at);
        DashboardLinks links = page(plan, at, model, locale);
        model.addAttribute("view", view);
        model.addAttribute("indicatorCharts", charts.indicators(view, links, locale));
        model.addAttribute("heatMap", charts.heatMap(view, links, locale));
        return "dashboard/overview";
    }

    @GetMapping({"/dashboard/evaluation", "/dashboard/plans/{plan}/evaluation"})
    String evaluation(@PathVariable(required = false) String plan, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String date, Model model, Locale locale) {
        requireLead();
        Instant at = at(asOf, date);
        PlanEvaluation evaluation = evaluations.of(defaultPlan.or(plan), at);
        page(plan, at, model, locale);
        model.addAttribute("evaluation", evaluation);
        return "dashboard/evaluation";
    }

    /** The evaluation as a file for the browser's download link, which can name a format but send no Accept. */
    @GetMapping("/dashboard/plans/{plan}/evaluation.{format}")
    @ResponseBody
    ResponseEntity<PlanEvaluation> evaluationFile(@PathVariable String plan, @PathVariable String format,
            @RequestParam(required = false) String asOf) {
        requireLead();
        MediaType type = DOWNLOADS.get(format);
        if (type == null) {
            throw Problems.notFound("download format", format);
        }
        return ResponseEntity.ok().contentType(type).body(evaluations.of(plan, AsOf.parse(asOf)));
    }

    @GetMapping({"/dashboard/provenance/{*figure}", "/dashboard/plans/{plan}/provenance/{*figure}"})
    String figure(@PathVariable(required = false) String plan, @PathVariable String figure,
            @RequestParam(required = false) String asOf, Model model, Locale locale) {
        requireLead();
        Instant at = AsOf.parse(asOf);
        plans.plan(defaultPlan.or(plan));
        model.addAttribute("provenance", provenance.of(defaultPlan.or(plan), figure.substring(1), at));
        page(plan, at, model, locale);
        return "dashboard/provenance";
    }

    /** What every page shows: its links and the plans to switch to. */
    private DashboardLinks page(String plan, Instant at, Model model, Locale locale) {
        DashboardLinks links = new DashboardLinks(defaultPlan.or(plan), plan != null, at, locale.getLanguage());
        model.addAttribute("links", links);
        model.addAttribute("plans", plans.plans());
        model.addAttribute("asOfDate", at == null ? null : LocalDate.ofInstant(at.minusNanos(1), quarters.zone()));
        return links;
    }

    private Instant at(String asOf, String date) {
        return date != null && !date.isEmpty() ? AsOf.endOfDay(date, quarters.zone()) : AsOf.parse(asOf);
    }

    private void requireLead() {
        Caller caller = callers.current();
        if (!caller.hasRole(Caller.LEAD)) {
            throw Problems.forbidden("the dashboard is the lead agency's");
        }
    }
}
