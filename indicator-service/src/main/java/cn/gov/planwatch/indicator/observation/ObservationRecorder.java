package cn.gov.planwatch.indicator.observation;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.eventlog.EventIds;
import cn.gov.planwatch.platform.eventlog.EventLog;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/** Turns an accepted report into an {@link ObservationReported} event in the log. */
@Component
class ObservationRecorder {

    private final EventLog eventLog;
    private final Clock clock;

    ObservationRecorder(EventLog eventLog, Clock clock) {
        this.eventLog = eventLog;
        this.clock = clock;
    }

    CompletableFuture<ObservationReported> record(Caller caller, Indicator indicator, ReportingPeriod period,
            ObservationRequest request) {
        return eventLog.append(new ObservationReported(EventIds.next(), indicator.code(), period.toString(),
                request.value(), request.comment(), request.source(), caller.agency(), caller.clientId(),
                caller.traceId(), clock.instant(), indicator.unit().code(),
                ObservationRules.unitConfirmed(indicator, request)));
    }
}
