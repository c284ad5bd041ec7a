package cn.gov.planwatch.programme.plan;

import cn.gov.planwatch.contracts.plan.PlanLifecycleEvent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The plans in this service's database: the fold of {@code planwatch.plan-events}, and the lock that keeps the
 * writes to one plan in order. A write judges the plan in force and appends its event while holding the plan's lock,
 * and records the event in the same transaction (the projector records it again, as a no-op), so the next write to
 * the plan sees it at once; the lock is the database's, so instances of the service sharing it take turns.
 */
public interface PlanBook {

    /** Runs {@code write} in a transaction holding the plan's lock; the write's events are recorded with it. */
    <T> T whileLocked(String plan, Supplier<T> write);

    /** Applies a plan event once; a redelivered event changes nothing. Runs in the caller's transaction. */
    boolean record(PlanLifecycleEvent event);

    /**
     * Records an event the log has acknowledged, within {@link #whileLocked}: if the database cannot record it now,
     * the write's answer stands all the same (the event is in the log) and the projector records it.
     */
    void recordAlongside(PlanLifecycleEvent event);

    /**
     * Within the caller's transaction: takes the plan's lock shared with the other writes to the plan (until the
     * transaction ends), so that the plan cannot be closed while a write appends, and answers whether it is closed.
     */
    boolean closedWhileHeld(String plan);

    Optional<PlanInForce> find(String plan);

    /**
     * The plan as it stood at {@code asOf}: the version then in force (the latest recorded by then), closed if it was
     * closed by then. Before the plan's first publication its first version counts as in force (a plan published late
     * still covers its years).
     */
    Optional<PlanInForce> findAsOf(String plan, Instant asOf);

    /** Every plan, in the order they were first published. */
    List<PlanInForce> all();

    /** The plan's published versions, oldest first. */
    List<PlanVersion> versions(String plan);
}
