package cn.gov.planwatch.launcher;

/** A process of the stack that the launcher starts again when it dies, or restarts on request. */
interface Supervised extends StackComponent {

    /** Starts it (again). */
    void start();

    /** Whether it takes requests now. */
    boolean isReady();

    /**
     * Whether it says, itself, that it cannot go on without a restart (a service: its liveness probe answers 503,
     * as when a consumer of the log has stopped on an error while the service goes on answering). Not answering at
     * all is not a verdict: a busy or collecting JVM may be slow to answer, and one that has exited is seen exited.
     */
    default boolean saysItIsBroken() {
        return false;
    }

    /** Stops the running process, gracefully, so that {@link #start()} can follow. */
    void stopForRestart();

    /** One line on how it ended, for a restart that follows. */
    String exitSummary();
}
