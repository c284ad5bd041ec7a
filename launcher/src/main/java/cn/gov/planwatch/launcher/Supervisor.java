package cn.gov.planwatch.launcher;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Watches one {@link Supervised} process: one that dies on its own is started again as {@link RestartPolicy} says,
 * while the rest of the stack goes on serving; one that keeps dying is given up on. One that has said it is broken
 * for {@link #BROKEN_FOR} is stopped, and from then on counts as one that died.
 */
final class Supervisor {

    /**
     * How long a process must go on saying it is broken before it is restarted: looked at this far apart, so that
     * a serving process costs a probe every few seconds, not one per look.
     */
    static final Duration BROKEN_FOR = Duration.ofSeconds(5);

    private enum State { SERVING, WAITING, STARTING }

    private final Supervised process;
    private final RestartPolicy policy;
    private final Clock clock;
    private final PrintStream out;
    private final Duration startTimeout;
    private State state = State.SERVING;
    private Instant due;
    /** Whether it said it was broken at the last look; looks are {@link #BROKEN_FOR} apart. */
    private boolean brokenAtLastLook;
    private Instant nextBrokenLook;

    Supervisor(Supervised process, Clock clock, PrintStream out, Duration startTimeout) {
        this.process = process;
        this.policy = new RestartPolicy(clock);
        this.clock = clock;
        this.out = out;
        this.startTimeout = startTimeout;
    }

    Supervised process() {
        return process;
    }

    boolean isServing() {
        return state == State.SERVING;
    }

    /**
     * One look at it, acting on what it sees.
     *
     * @return why it was given up on, with its log tail, if it keeps dying
     */
    Optional<String> check() {
        switch (state) {
            case SERVING -> {
                if (!process.isRunning()) {
                    return died(process.exitSummary());
                }
                if (brokenForLong()) {
                    process.stopForRestart();
                    return died(process.name() + " has said it is broken for " + BROKEN_FOR.toSeconds()
                            + " s (its liveness probe answers 503); stopped it");
                }
                policy.serving();
            }
            case WAITING -> {
                if (!clock.instant().isBefore(due)) {
                    process.start();
                    state = State.STARTING;
                    due = clock.instant().plus(startTimeout);
                }
            }
            case STARTING -> {
                if (!process.isRunning()) {
                    return died(process.exitSummary());
                }
                if (process.isReady()) {
                    state = State.SERVING;
                    brokenAtLastLook = false;
                    nextBrokenLook = null;
                    policy.serving();
                    out.printf("%-20s is serving again%n", process.name());
                } else if (clock.instant().isAfter(due)) {
                    process.stopForRestart();
                    return died(process.name() + " was not ready within " + startTimeout.toSeconds() + " s");
                }
            }
        }
        return Optional.empty();
    }

    /** Whether it said it was broken at this look and at the one before, at least {@link #BROKEN_FOR} earlier. */
    private boolean brokenForLong() {
        Instant now = clock.instant();
        if (nextBrokenLook != null && now.isBefore(nextBrokenLook)) {
            return false;
        }
        nextBrokenLook = now.plus(BROKEN_FOR);
        boolean broken = process.saysItIsBroken();
        boolean brokenTwice = broken && brokenAtLastLook;
        brokenAtLastLook = broken;
        return brokenTwice;
    }

    /** Stops it (it drains first) and starts it again; {@link #isServing()} once the new one is ready. */
    void restart() {
        process.stopForRestart();
        process.start();
        state = State.STARTING;
        due = clock.instant().plus(startTimeout);
    }

    private Optional<String> died(String how) {
        RestartPolicy.Verdict verdict = policy.died();
        if (verdict instanceof RestartPolicy.GiveUp giveUp) {
            return Optional.of(process.exitReport() + System.lineSeparator() + process.name() + " " + giveUp.reason()
                    + ": not starting it again.");
        }
        Duration after = ((RestartPolicy.Restart) verdict).after();
        out.printf("%s; starting it again in %d s%n", how, after.toSeconds());
        state = State.WAITING;
        due = clock.instant().plus(after);
        return Optional.empty();
    }
}
