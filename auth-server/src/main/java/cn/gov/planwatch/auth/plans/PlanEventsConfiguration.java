package cn.gov.planwatch.auth.plans;

import cn.gov.planwatch.catalogue.InvalidPlanDocumentException;
import cn.gov.planwatch.catalogue.PlanDocumentTooLargeException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A plan event that fails for a passing reason (the clients file cannot be written just now) is retried until it
 * succeeds, since skipping it would leave an agency without clients until the next replay. One that can never be
 * read (not a plan event, or a document that breaks the catalogue's rules) is logged and skipped: retrying it would
 * stop every later plan.
 */
@Configuration(proxyBeanMethods = false)
class PlanEventsConfiguration {

    @Bean
    DefaultErrorHandler planEventErrorHandler() {
        ExponentialBackOff untilItSucceeds = new ExponentialBackOff(500, 2.0);
        untilItSucceeds.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(untilItSucceeds);
        handler.addNotRetryableExceptions(InvalidPlanDocumentException.class, PlanDocumentTooLargeException.class);
        return handler;
    }
}
