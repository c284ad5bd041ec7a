package cn.gov.planwatch.indicator.observation;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.indicator.lock.QuarterLocks;
import cn.gov.planwatch.planrules.observation.IndicatorInPlan;
import cn.gov.planwatch.planrules.observation.ObservationRule;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.eventlog.EventClaim;
import cn.gov.planwatch.platform.eventlog.EventLog;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Turns an accepted report into an {@link ObservationReported} event in the log, unless the lead agency has
 * accepted the agency's quarter in the plan (409); returns once the log has acknowledged it.
 */
@Component
class ObservationRecorder {

    private final EventLog eventLog;
    private final Clock clock;
    private final QuarterLocks quarterLocks;
    private final ObservationHistory history;

    ObservationRecorder(EventLog eventLog, Clock clock, QuarterLocks quarterLocks, ObservationHistory history) {
        this.eventLog = eventLog;
        this.clock = clock;
        this.quarterLocks = quarterLocks;
        this.history = history;
    }

    ObservationReported record(EventClaim claim, Caller caller, IndicatorInPlan target, ReportingPeriod period,
            ObservationRequest request) {
        Indicator indicator = target.indicator();
        var event = new ObservationReported(claim.eventId(), target.plan(), indicator.code(), period.toString(),
                request.value(), request.comment(), request.source(), caller.agency(), caller.clientId(),
                caller.traceId(), clock.instant(), indicator.unit().code(), ObservationRule.unitConfirmed(indicator, request.unit()),
                caller.subject());
        if (claim.resending() && history.recorded(event.eventId())) {
            // A resend under an Idempotency-Key whose first attempt is in the log after all: answered as
            // recorded, even if the lead has accepted the quarter since.
            return event;
        }
        quarterLocks.requireOpen(target.plan(), caller.agency(), period);
        return eventLog.append(claim, event);
    }
}
