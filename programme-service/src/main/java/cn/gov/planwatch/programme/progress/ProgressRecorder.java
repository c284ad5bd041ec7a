package cn.gov.planwatch.programme.progress;

import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.eventlog.EventClaim;
import cn.gov.planwatch.platform.eventlog.EventLog;
import cn.gov.planwatch.programme.plan.PlansInForce;
import cn.gov.planwatch.programme.quarterly.QuarterlyUpdateLedger;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Turns an accepted report into a {@link ProgressReported} event, appended while the reporting agency's
 * quarter of the plan is held (shared) — so a report and the lead's acceptance of that quarter cannot cross — and
 * while the plan is held open, so that a report and the plan's closing cannot cross either.
 */
@Component
class ProgressRecorder {

    private final EventLog eventLog;
    private final QuarterlyUpdateLedger ledger;
    private final Clock clock;
    private final ProgressHistory history;
    private final PlansInForce plans;

    ProgressRecorder(EventLog eventLog, QuarterlyUpdateLedger ledger, Clock clock, ProgressHistory history,
            PlansInForce plans) {
        this.history = history;
        this.plans = plans;
        this.eventLog = eventLog;
        this.ledger = ledger;
        this.clock = clock;
    }

    ProgressReported record(EventClaim claim, Caller caller, String plan, Programme programme, ReportingPeriod quarter,
            ProgressRequest request) {
        UUID id = claim.eventId();
        return ledger.whileHeld(plan, caller.agency(), quarter.toString(), update -> {
            var event = new ProgressReported(id, plan, programme.slug(), quarter.toString(), caller.agency(),
                    caller.clientId(), caller.traceId(), request.status(), request.percentComplete().intValueExact(),
                    request.summary(), request.risks(),
                    request.measures().stream()
                            .map(m -> new ProgressReported.MeasureStatus(m.code(), m.status(), m.note())).toList(),
                    request.milestones().stream()
                            .map(m -> new ProgressReported.MilestoneValue(m.code(), m.value())).toList(),
                    clock.instant(), caller.subject());
            if (claim.resending() && history.recorded(id)) {
                // A resend under an Idempotency-Key whose first attempt is in the log after all: answered as
                // recorded, even if the lead has accepted the quarter since.
                return event;
            }
            update.requireNotLocked();
            plans.holdOpen(plan);
            return eventLog.append(claim, event);
        });
    }
}
