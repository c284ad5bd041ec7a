package cn.gov.planwatch.reporting.dashboard;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.planrules.UnknownPlanException;
import cn.gov.planwatch.reporting.plan.PlansInForce;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The plans the dashboard's plan switcher offers (on every lead agency's page). */
@Component
public class DashboardPlans {

    /** One plan as the switcher names it. */
    public record PlanChoice(String id, String titleZh, String titleEn, int firstYear, int targetYear) {
    }

    private final PlansInForce plans;
    private final Clock clock;

    DashboardPlans(PlansInForce plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    /** Every plan the service knows, in the order they were first published, as each stands now. */
    public List<PlanChoice> plans() {
        Instant now = clock.instant();
        return plans.ids().stream().flatMap(id -> plans.inForce(id, now).stream()).map(PlanCatalogue::plan)
                .map(plan -> new PlanChoice(plan.id(), plan.titleZh(), plan.titleEn(), plan.firstYear(),
                        plan.targetYear()))
                .toList();
    }

    /** The plan named, or refused as unknown. */
    public PlanChoice plan(String id) {
        return plans().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new UnknownPlanException(id));
    }
}
