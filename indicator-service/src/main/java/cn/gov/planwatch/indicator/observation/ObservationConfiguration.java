package cn.gov.planwatch.indicator.observation;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

    @Bean
    ObservationRules observationRules(PlanCatalogue catalogue, Clock clock,
            @Value("${planwatch.plan.zone}") ZoneId planZone) {
        return new ObservationRules(catalogue, clock, planZone);
    }
}
