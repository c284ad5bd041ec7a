package cn.gov.planwatch.launcher;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunningStackTest {

    private final List<String> stopped = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final RunningStack stack = new RunningStack(new PrintStream(printed, true, StandardCharsets.UTF_8));

    private StackComponent component(String name, boolean running) {
        return component(name, running, name);
    }

    private StackComponent instance(String name, String service) {
        return component(name, true, service);
    }

    private StackComponent component(String name, boolean running, String stopGroup) {
        return new StackComponent() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isRunning() {
                return running && !stopped.contains(name);
            }

            @Override
            public String exitReport() {
                return name + " exited";
            }

            @Override
            public String stopGroup() {
                return stopGroup;
            }

            @Override
            public void stop() {
                if (name.equals("broken")) {
                    throw new IllegalStateException("cannot");
                }
                stopped.add(name);
            }
        };
    }

    @Test
    void stopsInReverseStartOrderOnceAndPrintsALinePerComponent() {
        stack.add(component("postgres", true));
        stack.add(component("kafka", true));
        stack.add(component("gateway", true));

        stack.stop();
        stack.stop();

        assertThat(stopped).containsExactly("gateway", "kafka", "postgres");
        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .hasSize(3)
                .allMatch(line -> line.matches("\\S+ +stopped in \\d+\\.\\d s"));
    }

    @Test
    void aComponentThatFailsToStopDoesNotKeepTheOthersRunning() {
        stack.add(component("postgres", true));
        stack.add(component("broken", true));

        stack.stop();

        assertThat(stopped).containsExactly("postgres");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("broken", "failed to stop: cannot");
    }

    @Test
    void nothingMayJoinAStackThatIsStopping() {
        stack.stop();

        assertThat(stack.isStopping()).isTrue();
        assertThatThrownBy(() -> stack.add(component("late", true)))
                .isInstanceOf(RunningStack.StackStoppingException.class);
    }

    @Test
    void theInstancesOfOneServiceStopTogetherAndStillAfterWhatStartedAfterThem() {
        stack.add(component("postgres", true));
        stack.add(instance("indicator-service-1", "indicator-service"));
        stack.add(instance("indicator-service-2", "indicator-service"));
        stack.add(component("gateway", true));

        stack.stop();

        assertThat(stopped).hasSize(4).startsWith("gateway").endsWith("postgres")
                .contains("indicator-service-1", "indicator-service-2");
    }
}
