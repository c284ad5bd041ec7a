package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class NationalViewConfiguration {

    /** The calendar of the plan the service was started with: its zone is every plan's. */
    @Bean
    PlanCalendar planCalendar(PlanCatalogue catalogue, @Value("${planwatch.plan.zone}") ZoneId zone, Clock clock) {
        return new PlanCalendar(catalogue.plan(), zone, clock);
    }
}
