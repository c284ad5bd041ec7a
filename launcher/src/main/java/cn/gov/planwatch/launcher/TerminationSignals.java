package cn.gov.planwatch.launcher;

import sun.misc.Signal;

import java.util.List;

/**
 * Ctrl-C, SIGTERM and SIGHUP run the ordered stop before the JVM starts shutting down. Relying on the shutdown hook
 * alone is not enough: zonky registers a shutdown hook of its own that stops PostgreSQL, and the JVM runs all hooks at
 * once, so PostgreSQL would go down while the services are still draining. Once our stop has run, zonky's hook finds
 * the server closed and does nothing.
 */
final class TerminationSignals {

    private TerminationSignals() {
    }

    static void onTermination(Runnable stop) {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    stop.run();
                    System.exit(0);
                });
            } catch (IllegalArgumentException unsupportedHere) {
                // e.g. a JVM started with -Xrs; the shutdown hook still stops everything, just less orderly.
            }
        }
    }
}
