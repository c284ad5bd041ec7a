package cn.gov.planwatch.auth.throttle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed authentications per client address within a window. The first failures are free, the next ones slowed by a
 * growing delay, and once an address reaches the maximum it is refused until its window ends. Attempts still being
 * judged count too, against the same maximum, so that a burst sent at once cannot slip past before its failures
 * are known. Other addresses are not affected: an attacker cannot lock a client out from elsewhere.
 */
public class FailedAuthentications {

    /** What to do with an attempt: go ahead after {@code delay}, or refuse it for {@code retryAfter}. */
    public record Verdict(boolean refused, Duration delay, Duration retryAfter) {

        static Verdict proceedAfter(Duration delay) {
            return new Verdict(false, delay, Duration.ZERO);
        }

        static Verdict refuseFor(Duration retryAfter) {
            return new Verdict(true, Duration.ZERO, retryAfter);
        }
    }

    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final ThrottleProperties settings;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows;

    public FailedAuthentications(ThrottleProperties settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.windows = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > settings.maxTrackedAddresses();
            }
        };
    }

    /** An attempt from {@code address} begins; unless refused, {@link #finished} must follow. */
    public synchronized Verdict begin(String address) {
        long now = nanoTime.getAsLong();
        Window window = windows.computeIfAbsent(address, key -> new Window(now));
        if (now - window.startNanos >= settings.window().toNanos()) {
            window.restart(now);
        }
        if (window.failures >= settings.maxFailures()) {
            return Verdict.refuseFor(Duration.ofNanos(window.startNanos + settings.window().toNanos() - now));
        }
        if (window.failures + window.pending >= settings.maxFailures()) {
            return Verdict.refuseFor(BUSY_RETRY);
        }
        window.pending++;
        int beyondFree = window.failures - settings.freeFailures();
        if (beyondFree < 0) {
            return Verdict.proceedAfter(Duration.ZERO);
        }
        Duration delay = settings.delayStep().multipliedBy(beyondFree + 1L);
        return Verdict.proceedAfter(delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay);
    }

    /** The attempt begun from {@code address} has been judged. */
    public synchronized void finished(String address, boolean failed) {
        Window window = windows.get(address);
        if (window == null) {
            // forgotten meanwhile (more addresses than remembered): its count starts afresh
            return;
        }
        window.pending = Math.max(0, window.pending - 1);
        if (failed) {
            window.failures++;
        }
    }

    /** Addresses remembered now. */
    public synchronized int trackedAddresses() {
        return windows.size();
    }

    private static final class Window {
        long startNanos;
        int failures;
        int pending;

        Window(long startNanos) {
            this.startNanos = startNanos;
        }

        /** A new window; attempts under way stay under way. */
        void restart(long now) {
            startNanos = now;
            failures = 0;
        }
    }
}
