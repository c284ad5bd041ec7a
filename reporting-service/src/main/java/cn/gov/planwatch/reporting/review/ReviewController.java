package cn.gov.planwatch.reporting.review;

import cn.gov.planwatch.catalogue.spring.DefaultPlan;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.reporting.dashboard.DashboardLinks;
import cn.gov.planwatch.reporting.dashboard.DashboardPlans;
import cn.gov.planwatch.reporting.serviceapi.Answer;
import cn.gov.planwatch.reporting.serviceapi.Person;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The lead agency's review of quarterly updates: the queue of submitted updates, one page per agency × quarter with
 * what it reported, and the accept and return forms. Everything is read and recorded through programme-service's
 * and indicator-service's public APIs with the person's own token, so the pages do no more than the person could
 * do there (the API, not the page, decides who leads the plan). Every page is of one plan; the unscoped paths mean
 * the default plan.
 */
@Controller
class ReviewController {

    /** The form fields an API refusal's errors are shown beside; any other goes at the top. */
    private static final List<String> FIELDS = List.of("reason", "items");

    private final ReviewQueue queue;
    private final QuarterReviews reviews;
    private final ProgrammeServiceApi programmes;
    private final ReviewCatalogue catalogue;
    private final DashboardPlans plans;
    private final DefaultPlan defaultPlan;
    private final CallerResolver callers;

    ReviewController(ReviewQueue queue, QuarterReviews reviews, ProgrammeServiceApi programmes,
            ReviewCatalogue catalogue, DashboardPlans plans, DefaultPlan defaultPlan, CallerResolver callers) {
        this.queue = queue;
        this.reviews = reviews;
        this.programmes = programmes;
        this.catalogue = catalogue;
        this.plans = plans;
        this.defaultPlan = defaultPlan;
        this.callers = callers;
    }

    /** {@code agency} and {@code quarter}: the update just reviewed, whose outcome the queue shows. */
    @GetMapping({"/dashboard/review", "/dashboard/plans/{plan}/review"})
    String queue(@PathVariable(required = false) String plan, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String quarter, @AuthenticationPrincipal Jwt token, Model model,
            Locale locale) {
        DashboardLinks links = page(plan, model, locale);
        model.addAttribute("queue", queue.of(links.plan(), person(token, locale), agency, quarter));
        return "review/queue";
    }

    @GetMapping({"/dashboard/review/{agency}/{quarter}", "/dashboard/plans/{plan}/review/{agency}/{quarter}"})
    String quarter(@PathVariable(required = false) String plan, @PathVariable String agency,
            @PathVariable String quarter, @AuthenticationPrincipal Jwt token, Model model, Locale locale) {
        DashboardLinks links = page(plan, model, locale);
        return quarterPage(links, agency, quarter, person(token, locale), model);
    }

    @PostMapping({"/dashboard/review/{agency}/{quarter}/accept",
            "/dashboard/plans/{plan}/review/{agency}/{quarter}/accept"})
    ModelAndView accept(@PathVariable(required = false) String plan, @PathVariable String agency,
            @PathVariable String quarter, @RequestParam(required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt token, Model model, Locale locale) {
        DashboardLinks links = page(plan, model, locale);
        Person person = person(token, locale);
        ReviewCatalogue.Reviewed reviewed = ReviewCatalogue.reviewed(catalogue.plan(links.plan()), agency, quarter);
        Answer<Void> answer = programmes.accept(person, links.plan(), reviewed.agency(),
                reviewed.quarter().toString(), idempotencyKey);
        model.addAttribute("refusedForm", "accept");
        return outcome(answer, links, agency, quarter, person, model);
    }

    /** {@code items}: the checked boxes, indicator codes and programme slugs; none checked sends none. */
    @PostMapping({"/dashboard/review/{agency}/{quarter}/return",
            "/dashboard/plans/{plan}/review/{agency}/{quarter}/return"})
    ModelAndView giveBack(@PathVariable(required = false) String plan, @PathVariable String agency,
            @PathVariable String quarter, @RequestParam(required = false) String reason,
            @RequestParam(required = false) List<String> items, @RequestParam(required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt token, Model model, Locale locale) {
        DashboardLinks links = page(plan, model, locale);
        Person person = person(token, locale);
        ReviewCatalogue.Reviewed reviewed = ReviewCatalogue.reviewed(catalogue.plan(links.plan()), agency, quarter);
        List<String> chosen = items == null ? List.of() : items;
        Answer<Void> answer = programmes.giveBack(person, links.plan(), reviewed.agency(),
                reviewed.quarter().toString(), reason == null ? "" : reason, chosen, idempotencyKey);
        // A refused return is shown again as the lead filled it in.
        model.addAttribute("refusedForm", "return");
        model.addAttribute("reason", reason);
        model.addAttribute("checkedItems", chosen);
        return outcome(answer, links, agency, quarter, person, model);
    }

    /**
     * After a review: on success back to the queue (post/redirect/get), which shows the outcome; on a refusal or
     * silence, the same page again with the API's messages.
     */
    private ModelAndView outcome(Answer<Void> answer, DashboardLinks links, String agency, String quarter,
            Person person, Model model) {
        if (answer.ok()) {
            RedirectView queuePage = new RedirectView(UriComponentsBuilder.fromPath(links.reviewPath())
                    .queryParam("lang", links.lang()).queryParam("agency", agency).queryParam("quarter", quarter)
                    .encode().build().toUriString());
            queuePage.setStatusCode(HttpStatus.SEE_OTHER);
            queuePage.setExposeModelAttributes(false);
            return new ModelAndView(queuePage);
        }
        model.addAttribute("refusal", answer);
        if (answer.problem() != null) {
            model.addAttribute("topErrors", answer.problem().otherThan(FIELDS));
        }
        return new ModelAndView(quarterPage(links, agency, quarter, person, model));
    }

    private String quarterPage(DashboardLinks links, String agency, String quarter, Person person, Model model) {
        model.addAttribute("review", reviews.of(links.plan(), agency, quarter, person));
        // A fresh key per form shown: posting the same form twice records one review.
        model.addAttribute("acceptKey", UUID.randomUUID().toString());
        model.addAttribute("returnKey", UUID.randomUUID().toString());
        return "review/quarter";
    }

    /** What every review page shows: its links and the plans to switch to; for the lead agency's role only. */
    private DashboardLinks page(String plan, Model model, Locale locale) {
        Caller caller = callers.current();
        if (!caller.hasRole(Caller.LEAD)) {
            throw Problems.forbidden("the review of quarterly updates is the lead agency's");
        }
        String id = defaultPlan.or(plan);
        plans.plan(id);
        DashboardLinks links = new DashboardLinks(id, plan != null, null, locale.getLanguage());
        model.addAttribute("links", links);
        model.addAttribute("plans", plans.plans());
        // Said up front; the API still decides, and refuses a review by any other agency.
        String leadAgency = catalogue.plan(id).plan().leadAgency();
        if (!leadAgency.equals(caller.agency())) {
            model.addAttribute("notTheLead", new String[] {leadAgency, String.valueOf(caller.agency())});
        }
        return links;
    }

    /** The person's own token, as the gateway relayed it, for the calls made on their behalf. */
    private static Person person(Jwt token, Locale locale) {
        if (token == null) {
            throw Problems.forbidden("the review pages act with the person's own access token only");
        }
        return new Person(token.getTokenValue(), locale);
    }
}
