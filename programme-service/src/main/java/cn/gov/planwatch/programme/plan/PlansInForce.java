package cn.gov.planwatch.programme.plan;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.spring.DefaultPlan;
import cn.gov.planwatch.planrules.PlanClosedException;
import cn.gov.planwatch.planrules.UnknownPlanException;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The plan a request is for, as it stands now: the plan a nested path names, or the default plan for an unscoped
 * path. Every rule of a report, an update or a review is judged against the version in force of that plan, on its own
 * calendar. Until the shipped plan's publication is recorded (on a fresh start), its configured catalogue stands for
 * it, so the unscoped paths answer from the first request on.
 */
@Component
public class PlansInForce {

    /** How a plan resource's {@code plan} path variable is described. */
    public static final String PLAN_PARAMETER = "The plan's id; absent on the unscoped path, which means the default"
            + " plan / 规划标识";

    private final PlanBook book;
    private final PlanCatalogue shipped;
    private final DefaultPlan defaultPlan;
    private final ZoneId zone;
    private final Clock clock;

    PlansInForce(PlanBook book, PlanCatalogue shipped, DefaultPlan defaultPlan,
            @Value("${planwatch.plan.zone}") ZoneId zone, Clock clock) {
        this.book = book;
        this.shipped = shipped;
        this.defaultPlan = defaultPlan;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * The plan a request names, or the default plan when it names none (an unscoped path).
     *
     * @throws UnknownPlanException if no such plan is published
     */
    public PlanInForce find(String planOrNull) {
        String plan = defaultPlan.or(planOrNull);
        Optional<PlanInForce> recorded = book.find(plan);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        if (plan.equals(shipped.plan().id())) {
            return new PlanInForce(shipped, null, PlanRegistry.PUBLISHED, null, false);
        }
        throw new UnknownPlanException(plan);
    }

    /**
     * The plan a write is for, which must still take writes.
     *
     * @throws UnknownPlanException if no such plan is published
     * @throws PlanClosedException  if its lead agency has closed it
     */
    public PlanInForce open(String planOrNull) {
        PlanInForce plan = find(planOrNull);
        if (plan.closed()) {
            throw new PlanClosedException(plan.id());
        }
        return plan;
    }

    /**
     * Within the caller's transaction, which is about to append a write's event: holds the plan's lock (shared with
     * other writes, until the transaction ends), so the plan cannot be closed in between, and refuses the write if it
     * was closed meanwhile.
     *
     * @throws PlanClosedException if the plan is closed
     */
    public void holdOpen(String plan) {
        if (book.closedWhileHeld(plan)) {
            throw new PlanClosedException(plan);
        }
    }

    /** The plan's quarters on the plan's zone and the service's clock. */
    public PlanCalendar calendar(PlanInForce plan) {
        return PlanCalendar.of(plan.document().plan(), zone, clock);
    }

    /**
     * The address of a plan's resource as the request gave it: nested under the plan it names, or unscoped. It scopes
     * an Idempotency-Key: a key used on one address does not answer for the other.
     *
     * @param resource the path after {@code /api/v1}, e.g. {@code /quarterly-updates}
     */
    public static String address(String planOrNull, String resource) {
        return planOrNull == null ? "/api/v1" + resource : "/api/v1/plans/" + planOrNull + resource;
    }
}
