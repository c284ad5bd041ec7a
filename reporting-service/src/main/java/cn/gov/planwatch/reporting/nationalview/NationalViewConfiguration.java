package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment;
import cn.gov.planwatch.planrules.compliance.QuarterlyObligations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Period;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class NationalViewConfiguration {

    @Bean
    PlanCalendar planCalendar(PlanCatalogue catalogue, @Value("${planwatch.plan.zone}") ZoneId zone, Clock clock) {
        return new PlanCalendar(catalogue.plan(), zone, clock);
    }

    /** The grace must match programme-service's ({@code planwatch.quarterly.grace}), or the two disagree on lateness. */
    @Bean
    ComplianceAssessment complianceAssessment(PlanCatalogue catalogue, PlanCalendar calendar,
            @Value("${planwatch.quarterly.grace:P15D}") Period grace) {
        return new ComplianceAssessment(new QuarterlyObligations(catalogue, calendar, grace));
    }
}
