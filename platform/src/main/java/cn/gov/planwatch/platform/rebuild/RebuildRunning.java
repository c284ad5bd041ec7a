package cn.gov.planwatch.platform.rebuild;

/** A rebuild of the read model is already running, on this instance or another. */
public class RebuildRunning extends RuntimeException {

    private final RebuildStatus running;

    RebuildRunning(RebuildStatus running) {
        super("A rebuild of " + running.projection() + " is already running; follow it with GET.");
        this.running = running;
    }

    public RebuildStatus running() {
        return running;
    }
}
