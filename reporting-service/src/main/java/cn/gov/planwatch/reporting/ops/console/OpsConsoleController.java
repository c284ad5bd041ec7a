package cn.gov.planwatch.reporting.ops.console;

import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.problem.ProblemException;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.platform.rebuild.ProjectionRebuilds;
import cn.gov.planwatch.platform.rebuild.RebuildRunning;
import cn.gov.planwatch.platform.rebuild.RebuildStatus;
import cn.gov.planwatch.reporting.ops.DeadLetterView;
import cn.gov.planwatch.reporting.ops.internal.AuditedReplay;
import cn.gov.planwatch.reporting.ops.internal.DeadLetterStore;
import cn.gov.planwatch.reporting.ops.internal.OpsAudit;
import cn.gov.planwatch.reporting.ops.internal.StreamsReader;
import cn.gov.planwatch.reporting.ops.internal.StreamsSnapshots;
import cn.gov.planwatch.reporting.serviceapi.Answer;
import cn.gov.planwatch.reporting.serviceapi.IndicatorServiceApi;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi;
import cn.gov.planwatch.reporting.serviceapi.RebuildProgress;
import cn.gov.planwatch.reporting.serviceapi.Person;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
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

    private static final String SERVICE = "reporting-service";
    private static final String OBSERVATIONS = "observations";
    /** Every read model of PlanWatch that can be rebuilt from the log, and where it lives. */
    static final List<ReadModel> READ_MODELS = List.of(new ReadModel(OBSERVATIONS, IndicatorServiceApi.NAME),
            new ReadModel("quarter-locks", IndicatorServiceApi.NAME),
            new ReadModel("programme-progress", ProgrammeServiceApi.NAME),
            new ReadModel("quarterly-updates", ProgrammeServiceApi.NAME),
            new ReadModel("national-view", SERVICE), new ReadModel("dead-letters", SERVICE));

    private final StreamsSnapshots streams;
    private final DeadLetterStore deadLetters;
    private final AuditedReplay replays;
    private final IndicatorServiceApi indicatorService;
    private final ProgrammeServiceApi programmeService;
    private final ProjectionRebuilds rebuilds;
    private final CallerResolver callers;
    private final OpsAudit audit;

    OpsConsoleController(StreamsSnapshots streams, DeadLetterStore deadLetters, AuditedReplay replays,
            IndicatorServiceApi indicatorService, ProgrammeServiceApi programmeService, ProjectionRebuilds rebuilds,
            CallerResolver callers, OpsAudit audit) {
        this.streams = streams;
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.indicatorService = indicatorService;
        this.programmeService = programmeService;
        this.rebuilds = rebuilds;
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
        model.addAttribute("readModels", readModels(new Person(token.getTokenValue(), locale)));
        return "ops/rebuild";
    }

    /**
     * Starts the rebuild of one read model where it lives: at indicator-service or programme-service with the
     * operator's own token (that service decides what this operator may do there), or here.
     */
    @PostMapping("/dashboard/ops/rebuild")
    String startRebuild(@AuthenticationPrincipal Jwt token,
            @RequestParam(defaultValue = OBSERVATIONS) String projection, Model model, Locale locale) {
        Caller caller = page(model, locale, "rebuild");
        ReadModel readModel = READ_MODELS.stream().filter(m -> m.name().equals(projection)).findFirst()
                .orElseThrow(() -> Problems.notFound("projection", projection));
        Person operator = new Person(token.getTokenValue(), locale);
        Answer<RebuildProgress> started = switch (readModel.service()) {
            case IndicatorServiceApi.NAME -> indicatorService.startRebuild(operator, projection);
            case ProgrammeServiceApi.NAME -> programmeService.startRebuild(operator, projection);
            default -> startHere(caller, projection);
        };
        model.addAttribute("started", started);
        model.addAttribute("startedModel", projection);
        // The started one as its start answered, the others as they stand.
        model.addAttribute("readModels", readModels(operator).stream()
                .map(m -> m.name().equals(projection) && started.body() != null
                        ? new ReadModelStatus(m.name(), m.service(), started) : m)
                .toList());
        return "ops/rebuild";
    }

    /** Every rebuildable read model with where its last rebuild stands, each asked where it lives. */
    private List<ReadModelStatus> readModels(Person operator) {
        return READ_MODELS.stream().map(m -> new ReadModelStatus(m.name(), m.service(), switch (m.service()) {
            case IndicatorServiceApi.NAME -> indicatorService.rebuild(operator, m.name());
            case ProgrammeServiceApi.NAME -> programmeService.rebuild(operator, m.name());
            default -> here(rebuilds.status(m.name()), 200);
        })).toList();
    }

    private Answer<RebuildProgress> startHere(Caller caller, String projection) {
        try {
            Answer<RebuildProgress> started = here(rebuilds.start(projection, caller), 202);
            audit.record(caller, "rebuild." + projection, null, "OK");
            return started;
        } catch (RebuildRunning running) {
            return new Answer<>(SERVICE, 409, null, null);
        }
    }

    private static Answer<RebuildProgress> here(RebuildStatus s, int status) {
        return new Answer<>(SERVICE, status, new RebuildProgress(s.projection(), s.state(), s.replayed(),
                s.skippedDeadLettered(), s.target(), s.startedAt(), s.finishedAt(), s.startedBy(), s.error()), null);
    }

    /** A read model that can be rebuilt, and the service that keeps it. */
    record ReadModel(String name, String service) {
    }

    /** A read model and where its last rebuild stands, as that service answered. */
    record ReadModelStatus(String name, String service, Answer<RebuildProgress> status) {
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
        return caller;
    }
}
