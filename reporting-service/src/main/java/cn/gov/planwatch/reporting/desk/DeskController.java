package cn.gov.planwatch.reporting.desk;

import cn.gov.planwatch.catalogue.spring.DefaultPlan;
import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.reporting.serviceapi.Answer;
import cn.gov.planwatch.reporting.serviceapi.IndicatorServiceApi;
import cn.gov.planwatch.reporting.serviceapi.Person;
import cn.gov.planwatch.reporting.serviceapi.Problem;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ministry's desk: a reporter's page for its agency's quarters in one plan, where it reports indicator values and
 * programme progress and submits the quarter. Reached through the gateway, which relays the person's access token;
 * every change is made through the owning service's public API with that token, so the page can do nothing the person
 * could not do over the API, and the services' refusals are shown beside the fields they name.
 */
@Controller
class DeskController {

    /** What a change the desk made may have saved, as its confirmation names it. */
    private static final List<String> SAVED = List.of("indicator", "progress", "quarter");

    private static final Pattern LISTED_FIELD = Pattern.compile("(measures|milestones)\\[(\\d+)]\\.(\\w+)");

    private final DeskReader reader;
    private final ProgrammeServiceApi programmeService;
    private final IndicatorServiceApi indicatorService;
    private final DefaultPlan defaultPlan;
    private final CallerResolver callers;
    private final DeskDates dates;

    DeskController(DeskReader reader, ProgrammeServiceApi programmeService, IndicatorServiceApi indicatorService,
            DefaultPlan defaultPlan, CallerResolver callers, @Value("${planwatch.plan.zone}") ZoneId zone) {
        this.dates = new DeskDates(zone);
        this.reader = reader;
        this.programmeService = programmeService;
        this.indicatorService = indicatorService;
        this.defaultPlan = defaultPlan;
        this.callers = callers;
    }

    @GetMapping({"/dashboard/desk", "/dashboard/plans/{plan}/desk"})
    String desk(@PathVariable(required = false) String plan, @RequestParam(required = false) String quarter,
            @RequestParam(required = false) String saved, @RequestParam(required = false) String item,
            JwtAuthenticationToken token, Model model, Locale locale) {
        Person person = person(token, locale);
        DeskView desk = reader.read(person, defaultPlan.or(plan), quarter);
        page(plan, desk, model, locale);
        if (saved != null && desk.readable() && SAVED.contains(saved)) {
            model.addAttribute("saved", saved);
            model.addAttribute("savedItem", desk.name(item, locale));
        }
        return "desk/desk";
    }

    /** A value of one of the agency's indicators, through {@code reportObservation}. */
    @PostMapping({"/dashboard/desk/indicators/{code}", "/dashboard/plans/{plan}/desk/indicators/{code}"})
    Object observation(@PathVariable(required = false) String plan, @PathVariable String code,
            @RequestParam MultiValueMap<String, String> form, JwtAuthenticationToken token, Model model,
            Locale locale) {
        Person person = person(token, locale);
        Map<String, String> typed = typed(form, List.of("period", "value", "comment", "source"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", typed.get("period"));
        body.put("value", number(typed.get("value")));
        body.put("comment", blankAsNull(typed.get("comment")));
        body.put("source", blankAsNull(typed.get("source")));
        Answer<Void> answer = indicatorService.report(person, defaultPlan.or(plan), code, body);
        String quarter = form.getFirst("quarter");
        if (answer.ok()) {
            return seeOther(DeskLinks.of(plan, locale.getLanguage(), quarter).saved("indicator", code,
                    "indicator-" + code));
        }
        Refusal refusal = Refusal.of(answer, field -> field.equals("unit") ? "value" : field, typed.keySet());
        DeskView desk = reader.read(person, defaultPlan.or(plan), quarter)
                .withIndicatorForm(code, new DeskForm(typed, refusal.fields()));
        return refused(plan, desk, refusal, "indicator-" + code, desk.name(code, locale), model, locale);
    }

    /** The agency's progress on a programme for the quarter, through {@code reportProgress}. */
    @PostMapping({"/dashboard/desk/programmes/{slug}/progress",
            "/dashboard/plans/{plan}/desk/programmes/{slug}/progress"})
    Object progress(@PathVariable(required = false) String plan, @PathVariable String slug,
            @RequestParam MultiValueMap<String, String> form, JwtAuthenticationToken token, Model model,
            Locale locale) {
        Person person = person(token, locale);
        Map<String, String> typed = typed(form, List.of("status", "percentComplete", "summary", "risks"));
        form.keySet().stream().filter(name -> name.startsWith("measure.") || name.startsWith("milestone."))
                .forEach(name -> typed.put(name, form.getFirst(name).strip()));
        String quarter = form.getFirst("quarter");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quarter", quarter);
        body.put("status", typed.get("status").isEmpty() ? null : typed.get("status"));
        body.put("percentComplete", number(typed.get("percentComplete")));
        body.put("summary", blankAsNull(typed.get("summary")));
        body.put("risks", blankAsNull(typed.get("risks")));
        // The API names a listed entry by its place in the list it was sent: keep each place's field on the page.
        List<String> measureFields = new ArrayList<>();
        List<Map<String, Object>> measures = new ArrayList<>();
        List<String> milestoneFields = new ArrayList<>();
        List<Map<String, Object>> milestones = new ArrayList<>();
        for (String name : form.keySet()) {
            String[] parts = name.split("\\.");
            if (parts.length != 3 || parts[1].isEmpty()) {
                continue;
            }
            if (parts[0].equals("measure") && parts[2].equals("status")) {
                String note = typed.getOrDefault("measure." + parts[1] + ".note", "");
                if (!typed.get(name).isEmpty() || !note.isEmpty()) {
                    Map<String, Object> measure = new LinkedHashMap<>();
                    measure.put("code", parts[1]);
                    measure.put("status", blankAsNull(typed.get(name)));
                    measure.put("note", blankAsNull(note));
                    measures.add(measure);
                    measureFields.add("measure." + parts[1]);
                }
            } else if (parts[0].equals("milestone") && parts[2].equals("value") && !typed.get(name).isEmpty()) {
                Map<String, Object> milestone = new LinkedHashMap<>();
                milestone.put("code", parts[1]);
                milestone.put("value", number(typed.get(name)));
                milestones.add(milestone);
                milestoneFields.add("milestone." + parts[1]);
            }
        }
        body.put("measures", measures);
        body.put("milestones", milestones);
        Answer<Void> answer = programmeService.reportProgress(person, defaultPlan.or(plan), slug, body);
        if (answer.ok()) {
            return seeOther(DeskLinks.of(plan, locale.getLanguage(), quarter).saved("progress", slug,
                    "programme-" + slug));
        }
        Refusal refusal = Refusal.of(answer, field -> {
            Matcher listed = LISTED_FIELD.matcher(field);
            if (!listed.matches()) {
                return field;
            }
            List<String> fields = listed.group(1).equals("measures") ? measureFields : milestoneFields;
            int index = Integer.parseInt(listed.group(2));
            if (index >= fields.size()) {
                return field;
            }
            String entry = fields.get(index);
            // A refused code is the entry's: shown beside the field that chose it.
            String part = listed.group(3).equals("code") ? (entry.startsWith("measure.") ? "status" : "value")
                    : listed.group(3);
            return entry + "." + part;
        }, typed.keySet());
        DeskView desk = reader.read(person, defaultPlan.or(plan), quarter)
                .withProgrammeForm(slug, new DeskForm(typed, refusal.fields()));
        return refused(plan, desk, refusal, "programme-" + slug, desk.name(slug, locale), model, locale);
    }

    /** The agency declares the quarter complete, through {@code submitQuarterlyUpdate}. */
    @PostMapping({"/dashboard/desk/quarter", "/dashboard/plans/{plan}/desk/quarter"})
    Object submit(@PathVariable(required = false) String plan, @RequestParam MultiValueMap<String, String> form,
            JwtAuthenticationToken token, Model model, Locale locale) {
        Person person = person(token, locale);
        String quarter = form.getFirst("quarter");
        Answer<Void> answer = programmeService.submitQuarter(person, defaultPlan.or(plan),
                quarter == null ? "" : quarter);
        if (answer.ok()) {
            return seeOther(DeskLinks.of(plan, locale.getLanguage(), quarter).saved("quarter", quarter, "submit"));
        }
        Refusal refusal = Refusal.of(answer, field -> field, List.of());
        return refused(plan, reader.read(person, defaultPlan.or(plan), quarter), refusal, "submit", quarter, model,
                locale);
    }

    /** {@code form}: the form refused, by its id's stem; {@code item}: what it was about, as the page names it. */
    private String refused(String plan, DeskView desk, Refusal refusal, String form, String item, Model model,
            Locale locale) {
        page(plan, desk, model, locale);
        model.addAttribute("refusal", refusal);
        model.addAttribute("refusedForm", form);
        model.addAttribute("refusedItem", item);
        return "desk/desk";
    }

    private void page(String plan, DeskView desk, Model model, Locale locale) {
        model.addAttribute("desk", desk);
        model.addAttribute("links", DeskLinks.of(plan, locale.getLanguage(),
                desk.quarter() == null ? null : desk.quarter().quarter()));
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("dates", dates);
    }

    /** The person at the desk: a reporter of an agency, with the token the gateway relayed. */
    private Person person(JwtAuthenticationToken token, Locale locale) {
        Caller caller = callers.current();
        if (!caller.hasRole(Caller.REPORTER) || !caller.identified() || token == null) {
            throw Problems.forbidden("the desk is an agency's reporters'");
        }
        return new Person(token.getToken().getTokenValue(),
                token.getToken().getClaimAsString(ApiAccessPolicy.AGENCY_CLAIM), locale);
    }

    private static Map<String, String> typed(MultiValueMap<String, String> form, List<String> fields) {
        Map<String, String> typed = new HashMap<>();
        for (String field : fields) {
            String value = form.getFirst(field);
            typed.put(field, value == null ? "" : value.strip());
        }
        return typed;
    }

    /** A number as typed: sent as a JSON number when it reads as one, else as typed, for the API to judge. */
    private static Object number(String typed) {
        if (typed == null || typed.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(typed);
        } catch (NumberFormatException e) {
            return typed;
        }
    }

    private static String blankAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static RedirectView seeOther(String location) {
        RedirectView view = new RedirectView(location, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }

    /**
     * A service's refusal as the page shows it: messages by the form field they belong to, and what belongs to no
     * field (the problem's detail, or a field the form does not have) at the top.
     *
     * @param service  the service that did not answer, or null when it answered
     */
    record Refusal(int status, String detail, Map<String, String> fields, List<String> unplaced, String service) {

        static Refusal of(Answer<?> answer, UnaryOperator<String> onPage, Collection<String> formFields) {
            if (!answer.answered()) {
                return new Refusal(0, null, Map.of(), List.of(), answer.service());
            }
            Problem problem = answer.problem();
            Map<String, String> fields = new LinkedHashMap<>();
            List<String> unplaced = new ArrayList<>();
            if (problem != null) {
                for (Problem.FieldError error : problem.errors()) {
                    String field = error.field() == null ? null : onPage.apply(error.field());
                    String message = Objects.requireNonNullElse(error.message(), "");
                    if (field != null && formFields.contains(field)) {
                        fields.merge(field, message, (a, b) -> a + " " + b);
                    } else {
                        unplaced.add(error.field() == null ? message : error.field() + ": " + message);
                    }
                }
            }
            String detail = problem == null ? null : problem.detail();
            return new Refusal(answer.status(), fields.isEmpty() || !unplaced.isEmpty() ? detail : null, fields,
                    unplaced, null);
        }

        public boolean unanswered() {
            return service != null;
        }
    }
}
