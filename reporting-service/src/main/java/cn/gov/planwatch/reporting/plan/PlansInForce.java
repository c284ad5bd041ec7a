package cn.gov.planwatch.reporting.plan;

import cn.gov.planwatch.catalogue.PlanCatalogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The plans this service knows, each as the version in force at a given instant: the latest version recorded by
 * then; before the plan's first publication, its first version counts, so a plan published late still reads for the
 * years it covers. Closed plans read as any other.
 */
public interface PlansInForce {

    /** The plan's document in force at {@code at}, or empty if the plan was not in force by then (or is unknown). */
    Optional<PlanCatalogue> inForce(String plan, Instant at);

    /** The ids of every plan this service knows, in the order they were first published. */
    List<String> ids();
}
