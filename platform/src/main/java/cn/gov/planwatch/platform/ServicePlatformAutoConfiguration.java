package cn.gov.planwatch.platform;

import cn.gov.planwatch.platform.problem.ProblemAnswers;
import cn.gov.planwatch.platform.problem.ProblemErrorController;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The web face every service shares: RFC 9457 problem answers and the clock.
 * Also imported into {@code @WebMvcTest} slices, so a slice answers exactly as the service does.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
public class ServicePlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProblemAnswers problemAnswers() {
        return new ProblemAnswers();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }
}
