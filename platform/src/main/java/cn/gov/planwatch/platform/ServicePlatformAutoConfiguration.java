package cn.gov.planwatch.platform;

import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.caller.TraceIds;
import cn.gov.planwatch.platform.problem.ProblemAnswers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.util.Set;

/**
 * The web face every service shares: RFC 9457 problem answers, the caller of a request, the clock.
 * Also imported into {@code @WebMvcTest} slices, so a slice answers exactly as the service does.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
public class ServicePlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Until a security configuration supplies a resolver, requests carry no identity. */
    @Bean
    @ConditionalOnMissingBean
    CallerResolver callerResolver(ObjectProvider<HttpServletRequest> request) {
        return () -> new Caller(null, null, Set.of(),
                TraceIds.fromTraceparent(request.getObject().getHeader("traceparent")));
    }

    @Bean
    ProblemAnswers problemAnswers() {
        return new ProblemAnswers();
    }
}
