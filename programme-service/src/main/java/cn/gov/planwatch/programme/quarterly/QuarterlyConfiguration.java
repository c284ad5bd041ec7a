package cn.gov.planwatch.programme.quarterly;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QuarterlyConfiguration {

    @Bean
    QuarterlyUpdateRules quarterlyUpdateRules(PlanCatalogue catalogue) {
        return new QuarterlyUpdateRules(catalogue);
    }
}
