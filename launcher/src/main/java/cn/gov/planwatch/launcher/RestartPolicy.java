package cn.gov.planwatch.launcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When a process of the stack that died on its own is started again, and when it has died too often to go on: the
 * first restart after 1 s, each next one after twice as long, at most 30 s; once it has served for a minute, its next
 * death starts from 1 s again. Its fifth death within five minutes is one too many.
 */
final class RestartPolicy {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    /** Serving this long without dying counts as recovered. */
    static final Duration RECOVERED_AFTER = Duration.ofMinutes(1);
    static final int MAX_DEATHS = 5;
    static final Duration DEATH_WINDOW = Duration.ofMinutes(5);

    /** What to do about a death. */
    sealed interface Verdict permits Restart, GiveUp {
    }

    /** Start it again after this wait. */
    record Restart(Duration after) implements Verdict {
    }

    /** It keeps dying; starting it again would only hide that. */
    record GiveUp(String reason) implements Verdict {
    }

    private final Clock clock;
    private final Deque<Instant> recentDeaths = new ArrayDeque<>();
    private Duration nextDelay = FIRST_DELAY;
    private Instant servingSince;

    RestartPolicy(Clock clock) {
        this.clock = clock;
    }

    /** It answers as it should (again); called on every look while it does. */
    void serving() {
        if (servingSince == null) {
            servingSince = clock.instant();
        }
    }

    Verdict died() {
        Instant now = clock.instant();
        if (servingSince != null && !now.isBefore(servingSince.plus(RECOVERED_AFTER))) {
            nextDelay = FIRST_DELAY;
        }
        servingSince = null;
        recentDeaths.addLast(now);
        while (now.minus(DEATH_WINDOW).isAfter(recentDeaths.getFirst())) {
            recentDeaths.removeFirst();
        }
        if (recentDeaths.size() >= MAX_DEATHS) {
            return new GiveUp("died " + recentDeaths.size() + " times within " + DEATH_WINDOW.toMinutes()
                    + " minutes");
        }
        Duration delay = nextDelay;
        nextDelay = nextDelay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : nextDelay.multipliedBy(2);
        return new Restart(delay);
    }
}
