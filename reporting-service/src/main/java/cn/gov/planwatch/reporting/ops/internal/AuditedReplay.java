package cn.gov.planwatch.reporting.ops.internal;

import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.problem.ProblemException;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.reporting.ops.ReplayAccepted;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** A replay on an operator's behalf, through the API or the console alike: audited whether it succeeds or not. */
@Component
public class AuditedReplay {

    private final DeadLetterReplayer replayer;
    private final OpsAudit audit;

    AuditedReplay(DeadLetterReplayer replayer, OpsAudit audit) {
        this.replayer = replayer;
        this.audit = audit;
    }

    /** @throws ProblemException 404 for an unknown (or malformed) id, 409 if already replayed, 503 if the log is down */
    public ReplayAccepted replay(String id, Caller caller) {
        try {
            // the person who logged in, or the client acting for itself
            ReplayAccepted replayed = replayer.replay(parse(id), caller.subject());
            audit.record(caller, "dead-letter.replay", id, "REPLAYED");
            return replayed;
        } catch (ProblemException refused) {
            audit.record(caller, "dead-letter.replay", id, "REFUSED_" + refused.status().value());
            throw refused;
        }
    }

    /** An id that is no UUID names no dead letter. */
    public static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound("dead letter", id);
        }
    }
}
