package cn.gov.planwatch.programme.compliance;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment;
import cn.gov.planwatch.planrules.compliance.QuarterlyObligations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Period;

@Configuration(proxyBeanMethods = false)
class ComplianceConfiguration {

    @Bean
    QuarterlyObligations quarterlyObligations(PlanCatalogue catalogue, PlanCalendar calendar,
            @Value("${planwatch.quarterly.grace:P15D}") Period grace) {
        return new QuarterlyObligations(catalogue, calendar, grace);
    }

    @Bean
    ComplianceAssessment complianceAssessment(QuarterlyObligations obligations) {
        return new ComplianceAssessment(obligations);
    }
}
