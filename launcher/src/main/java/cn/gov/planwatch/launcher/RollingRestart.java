package cn.gov.planwatch.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Restarts instances one at a time, each once the one before has been ready again for a few seconds, so that a
 * service with a second instance keeps serving throughout.
 *
 * <p>{@code ./run.sh restart} asks the running launcher for one with a file in the data directory, which the launcher
 * takes (deletes) on its next look. A file rather than a signal: SIGHUP already means the terminal went away (stop
 * everything), and the JVM keeps the user signals for itself.
 */
final class RollingRestart {

    static final String REQUEST_FILE = "restart-request";
    /**
     * How long a restarted instance serves before the next one stops: the gateway's readiness check (every 2 s, each
     * check allowed as long) has taken it back into the balance by then.
     */
    static final Duration SETTLE = Duration.ofSeconds(5);

    private final Deque<Supervisor> pending;
    private final Clock clock;
    private final PrintStream out;
    private Supervisor current;
    private Instant servingSince;

    /** @param instances in the order to restart them */
    RollingRestart(List<Supervisor> instances, Clock clock, PrintStream out) {
        this.pending = new ArrayDeque<>(instances);
        this.clock = clock;
        this.out = out;
        out.printf("rolling restart of %d instances, one at a time%n", instances.size());
    }

    /**
     * Goes on once the instance restarted last serves again: restarts the next one.
     *
     * @return whether every instance has been restarted and serves again
     */
    boolean step() {
        if (current != null) {
            if (!current.isServing()) {
                servingSince = null;
                return false;
            }
            if (servingSince == null) {
                servingSince = clock.instant();
            }
            if (clock.instant().isBefore(servingSince.plus(SETTLE))) {
                return false;
            }
        }
        if (pending.isEmpty()) {
            out.println("rolling restart done");
            return true;
        }
        current = pending.poll();
        servingSince = null;
        out.printf("%-20s restarting%n", current.process().name());
        current.restart();
        return false;
    }

    /** Whether a rolling restart was asked for since the last look; the request is consumed. */
    static boolean takeRequest(Path dataDir) {
        try {
            return Files.deleteIfExists(dataDir.resolve(REQUEST_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
