package cn.gov.planwatch.platform.shutdown;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/** Every service drains before it stops ({@link ShutdownDrain}). */
@AutoConfiguration
public class ShutdownDrainAutoConfiguration {

    @Bean
    ShutdownDrain shutdownDrain(ApplicationEventPublisher events,
                                @Value("${planwatch.shutdown.drain-delay:5s}") Duration drainDelay) {
        return new ShutdownDrain(events, drainDelay, duration -> Thread.sleep(duration.toMillis()));
    }
}
