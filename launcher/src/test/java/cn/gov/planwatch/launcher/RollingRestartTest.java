package cn.gov.planwatch.launcher;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RollingRestartTest {

    private final MovableClock clock = new MovableClock();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final FakeInstance first = new FakeInstance("indicator-service-1");
    private final FakeInstance second = new FakeInstance("indicator-service-2");
    private final Supervisor firstSupervisor = new Supervisor(first, clock, out, Duration.ofSeconds(120));
    private final Supervisor secondSupervisor = new Supervisor(second, clock, out, Duration.ofSeconds(120));

    @Test
    void restartsOneInstanceAtATimeTheNextOnlyOnceTheOneBeforeHasBeenReadyAgainForAWhile() {
        RollingRestart rolling = new RollingRestart(List.of(firstSupervisor, secondSupervisor), clock, out);

        assertThat(rolling.step()).isFalse();
        assertThat(first.events).containsExactly("stop for restart", "start");
        assertThat(second.events).isEmpty();

        firstSupervisor.check(); // started, not ready yet
        assertThat(rolling.step()).isFalse();
        assertThat(second.events).as("the other serves while the first is not ready").isEmpty();

        first.ready = true;
        firstSupervisor.check();
        assertThat(rolling.step()).isFalse();
        clock.advance(RollingRestart.SETTLE.minusMillis(1));
        assertThat(rolling.step()).isFalse();
        assertThat(second.events).as("the gateway may not have taken the first back yet").isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(rolling.step()).isFalse();
        assertThat(second.events).containsExactly("stop for restart", "start");

        second.ready = true;
        secondSupervisor.check();
        rolling.step();
        clock.advance(RollingRestart.SETTLE);
        assertThat(rolling.step()).isTrue();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("rolling restart of 2 instances",
                "indicator-service-1  restarting", "indicator-service-2  restarting", "rolling restart done");
    }

    @Test
    void aRequestIsTakenOnceFromTheDataDirectory(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        assertThat(RollingRestart.takeRequest(data)).isFalse();

        Files.createFile(data.resolve(RollingRestart.REQUEST_FILE));

        assertThat(RollingRestart.takeRequest(data)).isTrue();
        assertThat(RollingRestart.takeRequest(data)).isFalse();
    }
}
