package cn.gov.planwatch.reporting.ops;

import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.problem.ProblemException;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.reporting.ops.internal.DeadLetterReplayer;
import cn.gov.planwatch.reporting.ops.internal.DeadLetterStore;
import cn.gov.planwatch.reporting.ops.internal.OpsAudit;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Events no listener could process, and their replay; every call is audited. */
@RestController
class DeadLetterController {

    private static final int MAX_LIMIT = 200;

    private final DeadLetterStore store;
    private final DeadLetterReplayer replayer;
    private final CallerResolver callers;
    private final OpsAudit audit;

    DeadLetterController(DeadLetterStore store, DeadLetterReplayer replayer, CallerResolver callers, OpsAudit audit) {
        this.store = store;
        this.replayer = replayer;
        this.callers = callers;
        this.audit = audit;
    }

    @GetMapping("/api/v1/ops/dead-letters")
    DeadLetterPage deadLetters(@RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw Problems.invalidField("offset", "must not be negative");
        }
        DeadLetterPage page = new DeadLetterPage(store.count(), limit, offset, store.page(limit, offset));
        audit.record(callers.current(), "dead-letters.list", null, "OK");
        return page;
    }

    @PostMapping("/api/v1/ops/dead-letters/{id}/replay")
    ResponseEntity<ReplayAccepted> replay(@PathVariable String id) {
        Caller caller = callers.current();
        try {
            ReplayAccepted replayed = replayer.replay(parse(id), caller.clientId());
            audit.record(caller, "dead-letter.replay", id, "REPLAYED");
            return ResponseEntity.accepted().body(replayed);
        } catch (ProblemException refused) {
            audit.record(caller, "dead-letter.replay", id, "REFUSED_" + refused.status().value());
            throw refused;
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound("dead letter", id);
        }
    }
}
