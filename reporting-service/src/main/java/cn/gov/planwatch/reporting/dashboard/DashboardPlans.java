package cn.gov.planwatch.reporting.dashboard;

import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.planrules.UnknownPlanException;
import org.springframework.stereotype.Component;

import java.util.List;

/** The plans the dashboard's plan switcher offers. */
@Component
class DashboardPlans {

    /** One plan as the switcher names it. */
    record PlanChoice(String id, String titleZh, String titleEn, int firstYear, int targetYear) {
    }

    private final PlanCatalogue catalogue;

    DashboardPlans(PlanCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Every plan the service knows, oldest first: for now the plan of the service's catalogue. */
    List<PlanChoice> plans() {
        Plan plan = catalogue.plan();
        return List.of(new PlanChoice(plan.id(), plan.titleZh(), plan.titleEn(), plan.firstYear(),
                plan.targetYear()));
    }

    /** The plan named, or refused as unknown. */
    PlanChoice plan(String id) {
        return plans().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new UnknownPlanException(id));
    }
}
