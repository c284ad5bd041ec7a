package cn.gov.planwatch.indicator.plan;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.planrules.PlanClosedException;
import cn.gov.planwatch.planrules.UnknownPlanException;

import java.time.Instant;
import java.util.Optional;

/** The plans this service knows: each plan's document as it stood at a given instant, and whether it is closed. */
public interface KnownPlans {

    /**
     * The document of the plan's version in force at {@code asOf}: the latest version recorded by then; before the
     * plan's first publication its first version (a plan published late still covers its years, and a view of an
     * earlier instant shows the plan with nothing reported). Empty for a plan never published.
     */
    Optional<PlanCatalogue> inForce(String plan, Instant asOf);

    /** Whether the plan's lead agency has closed it: it takes no more reports, what was reported stays readable. */
    boolean closed(String plan);

    /**
     * The document in force at {@code asOf}.
     *
     * @throws UnknownPlanException when no version of the plan is in force then
     */
    default PlanCatalogue require(String plan, Instant asOf) {
        return inForce(plan, asOf).orElseThrow(() -> new UnknownPlanException(plan));
    }

    /**
     * The document in force at {@code now}, of a plan that still takes reports.
     *
     * @throws UnknownPlanException when no version of the plan is in force
     * @throws PlanClosedException  when the plan is closed
     */
    default PlanCatalogue requireOpen(String plan, Instant now) {
        PlanCatalogue document = require(plan, now);
        if (closed(plan)) {
            throw new PlanClosedException(plan);
        }
        return document;
    }
}
