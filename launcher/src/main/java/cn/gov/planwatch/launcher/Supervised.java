package cn.gov.planwatch.launcher;

/** A process of the stack that the launcher starts again when it dies, or restarts on request. */
interface Supervised extends StackComponent {

    /** Starts it (again). */
    void start();

    /** Whether it takes requests now. */
    boolean isReady();

    /** Stops the running process, gracefully, so that {@link #start()} can follow. */
    void stopForRestart();

    /** One line on how it ended, for a restart that follows. */
    String exitSummary();
}
