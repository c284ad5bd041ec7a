package cn.gov.planwatch.platform.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ConsumerStoppedEvent;

/**
 * A listener container stopped by an {@code Error} (out of memory, above all) folds nothing more until the service
 * restarts, while the service goes on answering: the service then reports itself broken on its liveness probe
 * ({@code /actuator/health/liveness}), so that an orchestrator restarts it and an operator sees why, instead of a view
 * that silently stopped following the log.
 */
public final class ListenerFailure implements ApplicationListener<ConsumerStoppedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ListenerFailure.class);

    private final ApplicationEventPublisher events;

    public ListenerFailure(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void onApplicationEvent(ConsumerStoppedEvent stopped) {
        if (stopped.getReason() == ConsumerStoppedEvent.Reason.ERROR) {
            log.error("a Kafka listener container stopped on an error ({}): it reads nothing more until this service"
                    + " restarts, so the service reports itself broken", stopped.getSource());
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        }
    }
}
