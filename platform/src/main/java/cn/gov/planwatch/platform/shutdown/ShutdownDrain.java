package cn.gov.planwatch.platform.shutdown;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * The first thing a stopping instance does: it declares itself not ready, then goes on serving for the drain delay,
 * long enough for the gateway's readiness check to take it out of the balance. Only then do the web server (which
 * finishes the requests it has) and the Kafka listeners (which commit their offsets as they stop) shut down, so a
 * rolling restart sends no request to an instance that is already closing.
 */
public final class ShutdownDrain implements SmartLifecycle {

    /** Stopped before every other phase: the Kafka listener containers' and the web server's graceful shutdown. */
    public static final int PHASE = Integer.MAX_VALUE;

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    /** How the drain waits; a test's waits without passing time. */
    @FunctionalInterface
    public interface Wait {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ApplicationEventPublisher events;
    private final Duration drainDelay;
    private final Wait wait;
    private volatile boolean running;
    private volatile boolean stopped;

    public ShutdownDrain(ApplicationEventPublisher events, Duration drainDelay, Wait wait) {
        this.events = events;
        this.drainDelay = drainDelay;
        this.wait = wait;
    }

    @Override
    public void start() {
        if (stopped) {
            // Started again after a stop (a context stopped and started, not closed): ready again.
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            stopped = false;
        }
        running = true;
    }

    /** A pause (of a context kept for later, as test suites do) is no shutdown: nothing to drain, readiness stays. */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        if (!drainDelay.isZero() && !drainDelay.isNegative()) {
            log.info("not ready any more; serving for {} s more while the gateway takes this instance out",
                    drainDelay.toMillis() / 1000.0);
            try {
                wait.sleep(drainDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
        stopped = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
