package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Period;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class NationalViewConfiguration {

    @Bean
    PlanQuarters planQuarters(PlanCatalogue catalogue, @Value("${planwatch.plan.zone}") ZoneId zone) {
        return new PlanQuarters(catalogue.plan(), zone);
    }

    /** The grace must match programme-service's ({@code planwatch.quarterly.grace}), or the two disagree on lateness. */
    @Bean
    ComplianceRules complianceRules(PlanCatalogue catalogue, PlanQuarters quarters,
            @Value("${planwatch.quarterly.grace:P15D}") Period grace) {
        return new ComplianceRules(catalogue, quarters, grace);
    }
}
