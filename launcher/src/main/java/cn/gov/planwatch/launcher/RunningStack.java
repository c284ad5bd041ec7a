package cn.gov.planwatch.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    /**
     * Stops everything in reverse start order, the instances of one service side by side (each drains for a few
     * seconds, and nothing needs one of them while the others stop). Synchronized as a whole so that a second caller
     * (the shutdown hook after a signal handler, say) waits for the first to finish instead of letting the JVM exit
     * under it.
     */
    public synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        List<StackComponent> toStop = new ArrayList<>(started);
        Collections.reverse(toStop);
        for (int from = 0; from < toStop.size(); ) {
            int to = from + 1;
            while (to < toStop.size() && toStop.get(to).stopGroup().equals(toStop.get(from).stopGroup())) {
                to++;
            }
            List<Thread> stoppers = new ArrayList<>();
            for (StackComponent component : toStop.subList(from, to)) {
                Thread stopper = new Thread(() -> stopOne(component), "stop-" + component.name());
                stopper.start();
                stoppers.add(stopper);
            }
            for (Thread stopper : stoppers) {
                try {
                    stopper.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            from = to;
        }
    }

    private void stopOne(StackComponent component) {
        long begin = System.nanoTime();
        try {
            component.stop();
            out.printf("%-20s stopped in %.1f s%n", component.name(), (System.nanoTime() - begin) / 1e9);
        } catch (RuntimeException e) {
            out.printf("%-20s failed to stop: %s%n", component.name(), e.getMessage());
        }
    }

    /** What has been started, in start order. */
    public synchronized List<StackComponent> components() {
        return List.copyOf(started);
    }

    /** Thrown into a start that lost the race with a stop. */
    public static final class StackStoppingException extends RuntimeException {
        StackStoppingException() {
            super("the stack is stopping", null, false, false);
        }
    }
}
