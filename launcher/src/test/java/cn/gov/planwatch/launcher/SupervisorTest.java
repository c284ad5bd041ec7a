package cn.gov.planwatch.launcher;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisorTest {

    private final MovableClock clock = new MovableClock();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final FakeInstance instance = new FakeInstance("indicator-service-2");
    private final Supervisor supervisor = new Supervisor(instance, clock,
            new PrintStream(printed, true, StandardCharsets.UTF_8), Duration.ofSeconds(120));

    @Test
    void anInstanceThatDiesIsStartedAgainAfterTheBackOffAndServesAgainOnceReady() {
        assertThat(supervisor.check()).isEmpty();
        instance.die();

        assertThat(supervisor.check()).isEmpty();
        assertThat(supervisor.isServing()).isFalse();
        assertThat(printed()).contains("indicator-service-2 exited (code 137)", "starting it again in 1 s");
        clock.advance(Duration.ofMillis(500));
        supervisor.check();
        assertThat(instance.events).as("not before its second").isEmpty();

        clock.advance(Duration.ofMillis(500));
        supervisor.check();
        assertThat(instance.events).containsExactly("start");
        supervisor.check();
        assertThat(supervisor.isServing()).as("running but not ready yet").isFalse();

        instance.ready = true;
        supervisor.check();
        assertThat(supervisor.isServing()).isTrue();
        assertThat(printed()).contains("indicator-service-2  is serving again");
    }

    @Test
    void anInstanceThatKeepsDyingIsGivenUpOnWithItsLog() {
        Optional<String> givenUp = Optional.empty();
        for (int death = 0; death < RestartPolicy.MAX_DEATHS && givenUp.isEmpty(); death++) {
            instance.die();
            givenUp = supervisor.check();
            clock.advance(Duration.ofSeconds(20));
            supervisor.check(); // starts it again
        }

        assertThat(givenUp).hasValueSatisfying(reason -> assertThat(reason)
                .contains("the last lines of its log", "died 5 times within 5 minutes", "not starting it again"));
        assertThat(instance.events).hasSize(RestartPolicy.MAX_DEATHS - 1);
    }

    @Test
    void anInstanceThatGoesOnSayingItIsBrokenIsStoppedAndStartedAgainAfterTheBackOff() {
        instance.broken = true;
        assertThat(supervisor.check()).isEmpty();
        clock.advance(Duration.ofSeconds(4));
        supervisor.check();
        assertThat(instance.events).as("not before it has said so for 5 s").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(supervisor.check()).isEmpty();

        assertThat(instance.events).containsExactly("stop for restart");
        assertThat(supervisor.isServing()).isFalse();
        assertThat(printed()).contains("indicator-service-2 has said it is broken for 5 s (its liveness probe answers"
                + " 503); stopped it; starting it again in 1 s");
        clock.advance(Duration.ofSeconds(1));
        supervisor.check();
        assertThat(instance.events).containsExactly("stop for restart", "start");
        instance.ready = true;
        supervisor.check();
        assertThat(supervisor.isServing()).isTrue();
    }

    @Test
    void anInstanceThatSaidItWasBrokenOnceAndThenNoMoreIsLeftServing() {
        instance.broken = true;
        supervisor.check();
        instance.broken = false;
        clock.advance(Duration.ofSeconds(5));
        supervisor.check();
        instance.broken = true;
        clock.advance(Duration.ofSeconds(5));
        supervisor.check();

        assertThat(instance.events).as("not broken at every look for 5 s").isEmpty();
        assertThat(supervisor.isServing()).isTrue();
    }

    @Test
    void aServingInstanceIsAskedWhetherItIsBrokenOncePerFiveSecondsNotAtEveryLook() {
        for (int look = 0; look < 50; look++) {
            supervisor.check();
            clock.advance(Duration.ofMillis(200));
        }

        assertThat(instance.askedIfBroken).isEqualTo(2);
    }

    @Test
    void oneThatDoesNotBecomeReadyInTimeIsStoppedAndCountsAsADeath() {
        supervisor.restart();
        clock.advance(Duration.ofSeconds(121));

        assertThat(supervisor.check()).isEmpty();

        assertThat(instance.events).containsExactly("stop for restart", "start", "stop for restart");
        assertThat(printed()).contains("was not ready within 120 s; starting it again in 1 s");
    }

    @Test
    void aRestartStopsItGracefullyStartsItAgainAndWaitsForItToBeReady() {
        supervisor.restart();

        assertThat(instance.events).containsExactly("stop for restart", "start");
        assertThat(supervisor.isServing()).isFalse();
        instance.ready = true;
        supervisor.check();
        assertThat(supervisor.isServing()).isTrue();
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
