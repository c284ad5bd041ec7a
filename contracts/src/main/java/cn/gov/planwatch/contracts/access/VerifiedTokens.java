package cn.gov.planwatch.contracts.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens already verified (signature, issuer, audience, expiry), kept until they expire. A reporting
 * system sends the same token with every request for minutes; checking its RSA signature anew each time was a
 * quarter of the gateway's CPU and a sixth of a service's (perf/run-benchmarks.sh). The key is the whole token,
 * signature included, so a forged or altered token never matches an entry: it is verified in full. An entry
 * ends at the token's own expiry, never later (the full check may allow some clock skew beyond it; this does
 * not), and a token that was never verified is never here.
 *
 * <p>Bounded: past {@code capacity} distinct tokens the cache is emptied and refills from the live ones,
 * which keeps memory flat whatever callers send.
 *
 * @param <T> the verified token as the security framework represents it
 */
public final class VerifiedTokens<T> {

    private final int capacity;
    private final Clock clock;
    private final Map<String, Entry<T>> byToken = new ConcurrentHashMap<>();

    public VerifiedTokens(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The verified token, or {@code null} when it was never verified here or has expired since. */
    public T get(String token) {
        Entry<T> entry = byToken.get(token);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            byToken.remove(token, entry);
            return null;
        }
        return entry.verified();
    }

    /** Remembers a token that passed every check; one without an expiry is not kept (it would never end). */
    public void put(String token, T verified, Instant expiresAt) {
        if (expiresAt == null || !clock.instant().isBefore(expiresAt)) {
            return;
        }
        if (byToken.size() >= capacity) {
            byToken.clear();
        }
        byToken.put(token, new Entry<>(verified, expiresAt));
    }

    public int size() {
        return byToken.size();
    }

    private record Entry<T>(T verified, Instant expiresAt) {
    }
}
