package cn.gov.planwatch.indicator.observation;

import cn.gov.planwatch.indicator.plan.KnownPlans;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

    @Bean
    ObservationRules observationRules(KnownPlans plans, Clock clock,
            @Value("${planwatch.plan.zone}") ZoneId planZone) {
        return new ObservationRules(plans, clock, planZone);
    }
}
