package cn.gov.planwatch.programme.plan;

import cn.gov.planwatch.catalogue.PlanCatalogue;

import java.time.Instant;
import java.util.UUID;

/**
 * A plan as it stands: the document of the version in force, the event that put it in force, and whether the plan is
 * closed.
 *
 * @param versionStatus how the version in force came to be: PUBLISHED or AMENDED
 * @param publishedAt   when the plan's first version was published
 */
public record PlanInForce(PlanCatalogue document, UUID versionEventId, String versionStatus, Instant publishedAt,
        boolean closed) {

    public String id() {
        return document.plan().id();
    }

    /** ACTIVE, or CLOSED once its lead agency closed it. */
    public String state() {
        return closed ? "CLOSED" : "ACTIVE";
    }

    public int version() {
        return document.plan().version();
    }
}
