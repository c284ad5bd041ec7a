package cn.gov.planwatch.launcher;

/** The launcher's polling interval: often enough to notice readiness quickly, rarely enough to cost nothing. */
final class Pause {

    static final long MILLIS = 500;

    private Pause() {
    }

    static void briefly() {
        try {
            Thread.sleep(MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunningStack.StackStoppingException();
        }
    }
}
