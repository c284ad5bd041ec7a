package cn.gov.planwatch.programme.progress;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProgressConfiguration {

    @Bean
    ProgressRules progressRules(PlanCatalogue catalogue, PlanCalendar calendar) {
        return new ProgressRules(catalogue, calendar);
    }
}
