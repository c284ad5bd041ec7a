package cn.gov.planwatch.programme.quarterly;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * The authoritative lifecycle state of the quarterly updates, in this service's database, and the
 * lock that keeps writes consistent with it. Each plan's updates are its own: an agency's update for a quarter
 * in one plan is another update than the same agency's for the same quarter in another plan.
 *
 * <p>A write checks the state and appends its event while holding the (plan, agency, quarter) row lock, and
 * keeps holding it until the event log has acknowledged the event: a concurrent submit/accept/return
 * for the same quarter waits, then sees the new state. Lifecycle events are also recorded in the same
 * transaction (and again, as a no-op, by the projector), so the next request sees them at once
 * instead of after the projection lag. The projector alone rebuilds the state from the log.
 */
public interface QuarterlyUpdateLedger {

    /**
     * Appends a lifecycle event under an exclusive lock on the quarter: {@code append} gets the current
     * state, checks it (throwing a problem to refuse) and appends; the event is recorded once acknowledged.
     */
    <E extends QuarterlyUpdateEvent> E transition(String plan, String agency, String quarter,
            Function<QuarterlyUpdate, E> append);

    /**
     * Appends another event about the agency's quarter (a progress report) under a shared lock: reports
     * run side by side, but none can be appended while an acceptance is being appended, and vice versa.
     */
    <E extends PlanEvent> E whileHeld(String plan, String agency, String quarter,
            Function<QuarterlyUpdate, E> append);

    /**
     * Appends events about several of the agency's quarters (a submission) while holding each of them shared, as
     * {@link #whileHeld(String, String, String, Function)} holds one: {@code append} gets every quarter's current
     * state, checks it, and appends, synchronously. The quarters are locked in their order, the same for every such
     * write, so that two of them never deadlock.
     */
    <T> T whileHeld(String plan, String agency, SortedSet<String> quarters,
            Function<Map<String, QuarterlyUpdate>, T> append);

    /** Applies a lifecycle event once; a redelivered event changes nothing. Runs in the caller's transaction. */
    boolean record(QuarterlyUpdateEvent event);

    /** Whether the lifecycle event with this id is already recorded (a resend of a step already taken). */
    boolean recorded(UUID eventId);

    Optional<QuarterlyUpdate> find(String plan, String agency, String quarter);

    List<QuarterlyUpdate> ofAgency(String plan, String agency);

    /** Every update of the plan. */
    List<QuarterlyUpdate> all(String plan);

    /** The agency's lifecycle events in the plan, in log order. */
    List<QuarterlyUpdateStep> steps(String plan, String agency);
}
