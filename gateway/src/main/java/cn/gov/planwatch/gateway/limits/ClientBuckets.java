package cn.gov.planwatch.gateway.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One in-memory token bucket per client key. A bucket left idle long enough to have refilled completely is
 * indistinguishable from a new one, so {@link #evictIdle()} drops it: memory stays bounded by the clients active
 * within one refill period.
 */
public class ClientBuckets {

    private final ConcurrentHashMap<String, TrackedBucket> buckets = new ConcurrentHashMap<>();
    private final long capacity;
    private final long refillTokens;
    private final Duration refillPeriod;
    private final TimeMeter clock;
    private final long idleNanos;

    public ClientBuckets(GatewayLimits.RateLimit limit, TimeMeter clock) {
        this(limit.capacity(), limit.refillPerSecond(), Duration.ofSeconds(1), clock);
    }

    public ClientBuckets(GatewayLimits.LoginLimit limit, TimeMeter clock) {
        this(limit.capacity(), limit.refillPerMinute(), Duration.ofMinutes(1), clock);
    }

    /** {@code capacity} at once, then {@code refillTokens} every {@code refillPeriod}. */
    private ClientBuckets(long capacity, long refillTokens, Duration refillPeriod, TimeMeter clock) {
        this.capacity = capacity;
        this.refillTokens = refillTokens;
        this.refillPeriod = refillPeriod;
        this.clock = clock;
        this.idleNanos = Math.max(Duration.ofSeconds(1).toNanos(),
                Math.multiplyExact(refillPeriod.toNanos(), capacity) / refillTokens);
    }

    public ConsumptionProbe tryConsume(String client) {
        TrackedBucket tracked = buckets.computeIfAbsent(client, key -> new TrackedBucket(newBucket()));
        tracked.lastUsedNanos = clock.currentTimeNanos();
        return tracked.bucket.tryConsumeAndReturnRemaining(1);
    }

    /** Drops the buckets idle for a full refill period; returns how many. */
    public int evictIdle() {
        long now = clock.currentTimeNanos();
        int before = buckets.size();
        buckets.values().removeIf(tracked -> now - tracked.lastUsedNanos >= idleNanos);
        return before - buckets.size();
    }

    /** Whole seconds until a refused client may try again (Retry-After), at least one. */
    public static long retryAfterSeconds(ConsumptionProbe refused) {
        return Math.max(1, (long) Math.ceil(refused.getNanosToWaitForRefill() / (double) Duration.ofSeconds(1).toNanos()));
    }

    public int size() {
        return buckets.size();
    }

    /** How long a bucket must be idle to be evicted: the time it takes to refill from empty. */
    public Duration idleBeforeEviction() {
        return Duration.ofNanos(idleNanos);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(capacity).refillGreedy(refillTokens, refillPeriod))
                .withCustomTimePrecision(clock)
                .build();
    }

    private static final class TrackedBucket {
        final Bucket bucket;
        volatile long lastUsedNanos;

        TrackedBucket(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
