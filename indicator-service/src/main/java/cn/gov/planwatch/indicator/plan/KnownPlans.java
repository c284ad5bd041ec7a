package cn.gov.planwatch.indicator.plan;

import cn.gov.planwatch.catalogue.PlanCatalogue;

import java.time.Instant;
import java.util.Optional;

/** The plans this service knows: each plan's document as it stood at a given instant. */
public interface KnownPlans {

    /**
     * The document of the plan's version in force at {@code asOf} (the latest version recorded by then), or empty
     * if the plan was not published by then.
     */
    Optional<PlanCatalogue> inForce(String plan, Instant asOf);
}
