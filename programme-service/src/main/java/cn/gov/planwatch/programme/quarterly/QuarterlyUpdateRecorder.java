package cn.gov.planwatch.programme.quarterly;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdate;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.eventlog.EventClaim;
import cn.gov.planwatch.platform.eventlog.EventLog;
import cn.gov.planwatch.programme.plan.PlansInForce;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Turns the steps of the cycle into lifecycle events, each checked against the current state under the
 * quarter's lock, and appended while the plan is held open (a step and the plan's closing cannot cross). {@code recordedAt} is stamped under the lock too, so it orders the steps of a quarter
 * as the log does.
 */
@Component
class QuarterlyUpdateRecorder {

    private final QuarterlyUpdateLedger ledger;
    private final PlansInForce plans;
    private final EventLog eventLog;
    private final Clock clock;

    QuarterlyUpdateRecorder(QuarterlyUpdateLedger ledger, PlansInForce plans, EventLog eventLog, Clock clock) {
        this.ledger = ledger;
        this.plans = plans;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    QuarterlyUpdateSubmitted submit(EventClaim claim, Caller caller, String plan, String agency, ReportingPeriod quarter) {
        return step(claim, plan, agency, quarter, QuarterlyUpdate::requireSubmittable,
                (id, now) -> new QuarterlyUpdateSubmitted(id, plan, agency, quarter.toString(), caller.clientId(),
                        caller.traceId(), now, caller.subject()));
    }

    QuarterlyUpdateAccepted accept(EventClaim claim, Caller reviewer, String plan, String agency, ReportingPeriod quarter) {
        String reviewing = QuarterlyUpdateRules.reviewer(reviewer);
        return step(claim, plan, agency, quarter, QuarterlyUpdate::requireReviewable,
                (id, now) -> new QuarterlyUpdateAccepted(id, plan, agency, quarter.toString(), reviewing,
                        reviewer.clientId(), reviewer.traceId(), now, reviewer.subject()));
    }

    QuarterlyUpdateReturned giveBack(EventClaim claim, Caller reviewer, String plan, String agency, ReportingPeriod quarter,
            String reason, List<String> items) {
        String reviewing = QuarterlyUpdateRules.reviewer(reviewer);
        return step(claim, plan, agency, quarter, QuarterlyUpdate::requireReviewable,
                (id, now) -> new QuarterlyUpdateReturned(id, plan, agency, quarter.toString(), reviewing, reason,
                        items, reviewer.clientId(), reviewer.traceId(), now, reviewer.subject()));
    }

    /**
     * Checks the step against the quarter's current state and appends it, under the quarter's lock. A resend under
     * an Idempotency-Key whose first attempt reached the log after all (its answer was lost) finds its step taken
     * already: it is answered as taken rather than refused as out of turn.
     */
    private <E extends QuarterlyUpdateEvent> E step(EventClaim claim, String plan, String agency, ReportingPeriod quarter,
            Consumer<QuarterlyUpdate> check, BiFunction<UUID, Instant, E> event) {
        UUID id = claim.eventId();
        return ledger.transition(plan, agency, quarter.toString(), current -> {
            E step = event.apply(id, clock.instant());
            if (claim.resending() && ledger.recorded(id)) {
                return step;
            }
            check.accept(current);
            plans.holdOpen(plan);
            return eventLog.append(claim, step);
        });
    }
}
