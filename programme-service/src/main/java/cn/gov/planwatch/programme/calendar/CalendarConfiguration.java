package cn.gov.planwatch.programme.calendar;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** The plan's calendar, on the plan's zone and the service's clock. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    PlanCalendar planCalendar(PlanCatalogue catalogue, @Value("${planwatch.plan.zone}") ZoneId zone, Clock clock) {
        return new PlanCalendar(catalogue.plan(), zone, clock);
    }
}
