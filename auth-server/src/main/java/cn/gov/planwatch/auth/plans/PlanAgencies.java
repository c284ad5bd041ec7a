package cn.gov.planwatch.auth.plans;

import cn.gov.planwatch.auth.AgencyClients;
import cn.gov.planwatch.catalogue.PlanDocuments;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.plan.PlanDocumentEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Folds the plan topic into the agencies' clients: each published or amended plan's agencies get theirs. A closed
 * plan changes nothing, since its agencies may still read what they reported. Token issuing never waits on this:
 * while the broker is unreachable the consumer keeps retrying in the background.
 */
@Component
class PlanAgencies {

    private final AgencyClients agencyClients;

    PlanAgencies(AgencyClients agencyClients) {
        this.agencyClients = agencyClients;
    }

    /** In its group ({@code spring.kafka.consumer.group-id}) from the first plan on: every agency ever named. */
    @KafkaListener(id = "auth-server-plans", idIsGroup = false, topics = Topics.PLAN_EVENTS)
    void on(PlanEvent event) {
        if (event instanceof PlanDocumentEvent version) {
            agencyClients.provideFor(PlanDocuments.fromJsonTree(version.document()));
        }
    }
}
