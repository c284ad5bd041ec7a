package cn.gov.planwatch.platform.shutdown;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownDrainTest {

    private final List<String> happened = new CopyOnWriteArrayList<>();

    @Test
    void aClosingServiceReportsItselfUnreadyAndServesForTheDrainDelayBeforeItsListenersAndWebServerStop() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(ShutdownDrain.class, () -> new ShutdownDrain(context, Duration.ofSeconds(5),
                duration -> happened.add("drained " + duration + (running() ? " while serving" : " after stopping"))));
        context.registerBean("kafkaListeners", SmartLifecycle.class,
                () -> new Recorder("kafka listeners stopped", AbstractMessageListenerContainer.DEFAULT_PHASE));
        context.registerBean("webServerGracefulShutdown", SmartLifecycle.class,
                () -> new Recorder("web server stopped", WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE));
        recordReadiness(context);
        context.refresh();

        context.close();

        assertThat(happened).startsWith("readiness REFUSING_TRAFFIC", "drained PT5S while serving")
                .endsWith("kafka listeners stopped", "web server stopped");
    }

    @Test
    void withoutADrainDelayItOnlyReportsItselfUnready() {
        GenericApplicationContext context = withoutDrainDelay();
        context.refresh();

        context.close();

        assertThat(happened).containsExactly("readiness REFUSING_TRAFFIC");
    }

    @Test
    void aServiceStoppedAndStartedAgainIsReadyAgainAndAPausedOneStaysReady() {
        GenericApplicationContext context = withoutDrainDelay();
        context.refresh();

        context.pause();
        context.restart();
        assertThat(happened).isEmpty();

        context.stop();
        context.start();
        assertThat(happened).containsExactly("readiness REFUSING_TRAFFIC", "readiness ACCEPTING_TRAFFIC");
        context.close();
    }

    /** A context holding only a drain without delay, its readiness changes recorded. */
    private GenericApplicationContext withoutDrainDelay() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(ShutdownDrain.class, () -> new ShutdownDrain(context, Duration.ZERO,
                duration -> happened.add("drained " + duration)));
        recordReadiness(context);
        return context;
    }

    private void recordReadiness(GenericApplicationContext context) {
        context.addApplicationListener(event -> {
            if (event instanceof AvailabilityChangeEvent<?> change && change.getState() instanceof ReadinessState) {
                happened.add("readiness " + change.getState());
            }
        });
    }

    private final List<String> stopped = new CopyOnWriteArrayList<>();

    private boolean running() {
        return stopped.isEmpty();
    }

    /** Stands in for a lifecycle of that phase, recording when it stops. */
    private final class Recorder implements SmartLifecycle {

        private final String onStop;
        private final int phase;
        private boolean running;

        Recorder(String onStop, int phase) {
            this.onStop = onStop;
            this.phase = phase;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            stopped.add(onStop);
            happened.add(onStop);
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return phase;
        }
    }
}
