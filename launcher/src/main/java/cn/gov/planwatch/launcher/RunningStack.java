package cn.gov.planwatch.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What has been started so far, so that it can be stopped in reverse order from wherever the stop comes from (Ctrl-C,
 * a failed start, a crashed child), exactly once.
 */
public final class RunningStack {

    private final List<StackComponent> started = new ArrayList<>();
    private final PrintStream out;
    private boolean stopping;

    public RunningStack(PrintStream out) {
        this.out = out;
    }

    /**
     * Call before starting a component, so that a stop arriving mid-start still reaches it.
     *
     * @throws StackStoppingException if the stack is already being stopped: the caller must not start it
     */
    public synchronized void add(StackComponent component) {
        if (stopping) {
            throw new StackStoppingException();
        }
        started.add(component);
    }

    public synchronized boolean isStopping() {
        return stopping;
    }

    /** The first component that has stopped on its own, if any. */
    public synchronized Optional<StackComponent> firstExited() {
        return started.stream().filter(c -> !c.isRunning()).findFirst();
    }

    /**
     * Stops everything in reverse start order. Synchronized as a whole so that a second caller (the shutdown hook
     * after a signal handler, say) waits for the first to finish instead of letting the JVM exit under it.
     */
    public synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        List<StackComponent> toStop = new ArrayList<>(started);
        Collections.reverse(toStop);
        for (StackComponent component : toStop) {
            long begin = System.nanoTime();
            try {
                component.stop();
                out.printf("%-20s stopped in %.1f s%n", component.name(), (System.nanoTime() - begin) / 1e9);
            } catch (RuntimeException e) {
                out.printf("%-20s failed to stop: %s%n", component.name(), e.getMessage());
            }
        }
    }

    /** Thrown into a start that lost the race with a stop. */
    public static final class StackStoppingException extends RuntimeException {
        StackStoppingException() {
            super("the stack is stopping", null, false, false);
        }
    }
}
