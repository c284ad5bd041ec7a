package cn.gov.planwatch.programme.submission;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdate;
import cn.gov.planwatch.planrules.observation.ObservationRule;
import cn.gov.planwatch.planrules.observation.PeriodLockedException;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.eventlog.EventClaim;
import cn.gov.planwatch.platform.eventlog.EventIds;
import cn.gov.planwatch.platform.eventlog.TransactionalEventLog;
import cn.gov.planwatch.programme.plan.PlanInForce;
import cn.gov.planwatch.programme.plan.PlansInForce;
import cn.gov.planwatch.programme.quarterly.QuarterlyUpdateLedger;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Appends a judged submission as one Kafka transaction of the very events the single reports append —
 * {@link ObservationReported} and {@link ProgressReported} — while every quarter of the agency it reports on is held
 * (shared) in the ledger and the plan is held open: a submission and the lead's acceptance of one of its quarters, or
 * the plan's closing, cannot cross. A value or report for a locked quarter refuses the whole submission (409).
 *
 * <p>The submission's id is the one claimed with its Idempotency-Key, and each row's event id is derived from it and
 * the row's place: a resend of a submission whose outcome was unknown appends the same ids, which every read model
 * applies once.
 */
@Component
class SubmissionRecorder {

    private final QuarterlyUpdateLedger ledger;
    private final PlansInForce plans;
    private final TransactionalEventLog eventLog;
    private final Clock clock;

    SubmissionRecorder(QuarterlyUpdateLedger ledger, PlansInForce plans, TransactionalEventLog eventLog, Clock clock) {
        this.ledger = ledger;
        this.plans = plans;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** What was appended: the submission's id and its events, in the order of the submission's rows. */
    record Recorded(UUID submissionId, List<PlanEvent> events, int observations, int progress) {
    }

    Recorded record(EventClaim claim, Caller caller, PlanInForce plan, SubmissionJudge.Judged judged) {
        UUID submissionId = claim.eventId();
        Instant now = clock.instant();
        List<PlanEvent> events = new ArrayList<>();
        SortedSet<String> quarters = new TreeSet<>();
        for (SubmissionJudge.JudgedObservation observation : judged.observations()) {
            BulkSubmission.ObservationRow row = observation.row();
            Indicator indicator = observation.indicator();
            events.add(new ObservationReported(EventIds.nth(submissionId, events.size()), plan.id(), indicator.code(),
                    observation.period().toString(), row.value(), row.comment(), row.source(), caller.agency(),
                    caller.clientId(), caller.traceId(), now, indicator.unit().code(),
                    ObservationRule.unitConfirmed(indicator, row.unit()), caller.subject()));
            quarters.add(PeriodLockedException.quarterOf(observation.period()).toString());
        }
        for (SubmissionJudge.JudgedProgress report : judged.progress()) {
            BulkSubmission.ProgressRow row = report.row();
            events.add(new ProgressReported(EventIds.nth(submissionId, events.size()), plan.id(),
                    report.programme().slug(), report.quarter().toString(), caller.agency(), caller.clientId(),
                    caller.traceId(), row.status(), row.percentComplete().intValueExact(), row.summary(), row.risks(),
                    row.measures().stream()
                            .map(m -> new ProgressReported.MeasureStatus(m.code(), m.status(), m.note())).toList(),
                    row.milestones().stream()
                            .map(m -> new ProgressReported.MilestoneValue(m.code(), m.value())).toList(),
                    now, caller.subject()));
            quarters.add(report.quarter().toString());
        }
        return ledger.whileHeld(plan.id(), caller.agency(), quarters, held -> {
            requireOpen(caller.agency(), judged, held);
            plans.holdOpen(plan.id());
            return new Recorded(submissionId, List.copyOf(eventLog.appendAll(claim, events)), judged.observations().size(),
                    judged.progress().size());
        });
    }

    /** Refuses (409) the submission if any quarter it reports on has been accepted by the lead agency. */
    private static void requireOpen(String agency, SubmissionJudge.Judged judged, Map<String, QuarterlyUpdate> held) {
        for (SubmissionJudge.JudgedObservation observation : judged.observations()) {
            if (held.get(PeriodLockedException.quarterOf(observation.period()).toString()).state().locked()) {
                throw new PeriodLockedException(agency, observation.period());
            }
        }
        for (SubmissionJudge.JudgedProgress report : judged.progress()) {
            held.get(report.quarter().toString()).requireNotLocked();
        }
    }
}
