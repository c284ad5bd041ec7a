package cn.gov.planwatch.launcher;

/** One running piece of the stack, as the shutdown sees it. */
public interface StackComponent {

    String name();

    boolean isRunning();

    /** A short reason for a component that stopped on its own, with its log tail. */
    String exitReport();

    /** Components of one stop group stop side by side when the whole stack stops (instances of one service). */
    default String stopGroup() {
        return name();
    }

    /** Stops it and waits; safe to call twice and on something already gone. */
    void stop();
}
