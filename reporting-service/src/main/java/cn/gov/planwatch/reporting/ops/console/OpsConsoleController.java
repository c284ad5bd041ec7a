package cn.gov.planwatch.reporting.ops.console;

import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.problem.ProblemException;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.reporting.ops.DeadLetterView;
import cn.gov.planwatch.reporting.ops.internal.AuditedReplay;
import cn.gov.planwatch.reporting.ops.internal.DeadLetterStore;
import cn.gov.planwatch.reporting.ops.internal.OpsAudit;
import cn.gov.planwatch.reporting.ops.internal.StreamsReader;
import cn.gov.planwatch.reporting.ops.internal.StreamsSnapshots;
import cn.gov.planwatch.reporting.serviceapi.Answer;
import cn.gov.planwatch.reporting.serviceapi.IndicatorServiceApi;
import cn.gov.planwatch.reporting.serviceapi.IndicatorServiceApi.RebuildProgress;
import cn.gov.planwatch.reporting.serviceapi.Person;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;
import java.util.UUID;

/**
 * The operators' console: the API's operations as pages, rendered here and reached through the gateway, which
 * relays the person's access token. Each page does what the operator could do over {@code /api/v1/ops} and no more:
 * the same components, the same audit, and the rebuild through indicator-service's API with the operator's token.
 */
@Controller
class OpsConsoleController {

    private static final int PAGE_SIZE = 50;

    /** The read model indicator-service rebuilds from its log. */
    static final String PROJECTION = "observations";

    private final StreamsSnapshots streams;
    private final DeadLetterStore deadLetters;
    private final AuditedReplay replays;
    private final IndicatorServiceApi indicatorService;
    private final CallerResolver callers;
    private final OpsAudit audit;

    OpsConsoleController(StreamsSnapshots streams, DeadLetterStore deadLetters, AuditedReplay replays,
            IndicatorServiceApi indicatorService, CallerResolver callers, OpsAudit audit) {
        this.streams = streams;
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.indicatorService = indicatorService;
        this.callers = callers;
        this.audit = audit;
    }

    @GetMapping("/dashboard/ops")
    String streams(Model model, Locale locale) {
        page(model, locale, "streams");
        try {
            model.addAttribute("streams", streams.current());
        } catch (StreamsReader.BrokerUnavailableException e) {
            model.addAttribute("brokerDown", true);
        }
        return "ops/streams";
    }

    @GetMapping("/dashboard/ops/dead-letters")
    String deadLetters(@RequestParam(defaultValue = "0") int offset, Model model, Locale locale) {
        Caller caller = page(model, locale, "dead-letters");
        if (offset < 0) {
            throw Problems.invalidField("offset", "must not be negative");
        }
        model.addAttribute("total", deadLetters.count());
        model.addAttribute("letters", deadLetters.page(PAGE_SIZE, offset));
        model.addAttribute("offset", offset);
        model.addAttribute("pageSize", PAGE_SIZE);
        audit.record(caller, "dead-letters.list", null, "OK");
        return "ops/dead-letters";
    }

    @GetMapping("/dashboard/ops/dead-letters/{id}")
    String deadLetter(@PathVariable String id, Model model, Locale locale) {
        page(model, locale, "dead-letters");
        deadLetterWithPayload(id, model);
        return "ops/dead-letter";
    }

    /** The replay button leads here, to a page that says what will happen and asks to confirm. */
    @GetMapping("/dashboard/ops/dead-letters/{id}/replay")
    String confirmReplay(@PathVariable String id, Model model, Locale locale) {
        page(model, locale, "dead-letters");
        deadLetterWithPayload(id, model);
        return "ops/replay-confirm";
    }

    /**
     * Replays as {@code POST /api/v1/ops/dead-letters/{id}/replay} does. An unknown dead letter is a 404 problem, as
     * on its page; a refusal of a known one (already replayed, the log did not acknowledge) is the outcome the
     * page reports.
     */
    @PostMapping("/dashboard/ops/dead-letters/{id}/replay")
    String replay(@PathVariable String id, Model model, Locale locale) {
        Caller caller = page(model, locale, "dead-letters");
        model.addAttribute("id", id);
        try {
            model.addAttribute("replayed", replays.replay(id, caller));
        } catch (ProblemException refused) {
            if (refused.status().value() == 404) {
                throw refused;
            }
            model.addAttribute("refusedStatus", refused.status().value());
        }
        return "ops/replay-outcome";
    }

    @GetMapping("/dashboard/ops/rebuild")
    String rebuild(@AuthenticationPrincipal Jwt token, Model model, Locale locale) {
        page(model, locale, "rebuild");
        model.addAttribute("status", indicatorService.rebuild(new Person(token.getTokenValue(), locale), PROJECTION));
        return "ops/rebuild";
    }

    @PostMapping("/dashboard/ops/rebuild")
    String startRebuild(@AuthenticationPrincipal Jwt token, Model model, Locale locale) {
        page(model, locale, "rebuild");
        // The operator's own token: indicator-service decides what this operator may do there.
        Person operator = new Person(token.getTokenValue(), locale);
        Answer<RebuildProgress> started = indicatorService.startRebuild(operator, PROJECTION);
        model.addAttribute("started", started);
        model.addAttribute("status", started.body() != null ? started : indicatorService.rebuild(operator, PROJECTION));
        return "ops/rebuild";
    }

    private void deadLetterWithPayload(String id, Model model) {
        UUID uuid = AuditedReplay.parse(id);
        DeadLetterView letter = deadLetters.find(uuid).orElseThrow(() -> Problems.notFound("dead letter", id));
        model.addAttribute("letter", letter);
        model.addAttribute("payload", deadLetters.payload(uuid).orElse(null));
    }

    /** What every console page shows, for an operator only (the service's access rules say so too). */
    private Caller page(Model model, Locale locale, String current) {
        Caller caller = callers.current();
        if (!caller.hasRole(Caller.OPERATOR)) {
            throw Problems.forbidden("the operators' console is the operators'");
        }
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("current", current);
        model.addAttribute("projection", PROJECTION);
        return caller;
    }
}
