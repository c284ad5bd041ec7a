package cn.gov.planwatch.gateway.limits;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Mono;

import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One token bucket per client key, kept in Redis so that every gateway instance spends from the same budget. The
 * bucket is Spring Cloud Gateway's own {@link RedisRateLimiter} (its Lua token bucket, atomic in Redis, refilled by
 * Redis' clock), called from the gateway's filters rather than as a route filter, so that it also covers the
 * gateway's own answers and the 429 stays a problem with Retry-After. While Redis cannot be reached, each instance
 * falls back to buckets of its own with the same limits: a client keeps being served and limited, only the budget is
 * then per instance.
 */
public class SharedBuckets {

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

    /**
     * A client's spend: {@code remaining} requests left at once, {@code retryAfterSeconds} until a refused one may
     * come back, and whether the budget was the shared one or this instance's fallback.
     */
    public record Verdict(boolean consumed, long remaining, long retryAfterSeconds, boolean shared) {
    }

    private final RedisRateLimiter limiter;
    private final String name;
    /** Tokens one request costs: the Redis bucket refills whole tokens per second, so slower rates cost more. */
    private final int cost;
    private final int tokensPerSecond;
    private final ClientBuckets fallback;
    private final AtomicBoolean fallingBack = new AtomicBoolean();

    /**
     * @param name  the budget's name in Redis (with the deployment's namespace): buckets of different names never mix
     */
    SharedBuckets(String name, long capacity, long refillTokens, Duration refillPeriod, ClientBuckets fallback,
            ApplicationContext redis) {
        long periodSeconds = refillPeriod.toSeconds();
        long divisor = BigInteger.valueOf(refillTokens).gcd(BigInteger.valueOf(periodSeconds)).longValueExact();
        this.name = name;
        this.cost = Math.toIntExact(periodSeconds / divisor);
        this.tokensPerSecond = Math.toIntExact(refillTokens / divisor);
        this.fallback = fallback;
        this.limiter = new RedisRateLimiter(tokensPerSecond, Math.multiplyExact(capacity, cost), cost);
        // takes the template and the Lua script the gateway's Redis configuration provides
        limiter.setApplicationContext(redis);
    }

    public static SharedBuckets of(String namespace, GatewayLimits.RateLimit limit, TimeMeter clock,
            ApplicationContext redis) {
        return new SharedBuckets(namespace + ".api", limit.capacity(), limit.refillPerSecond(), Duration.ofSeconds(1),
                new ClientBuckets(limit, clock), redis);
    }

    public static SharedBuckets of(String namespace, GatewayLimits.LoginLimit limit, TimeMeter clock,
            ApplicationContext redis) {
        return new SharedBuckets(namespace + ".login-start", limit.capacity(), limit.refillPerMinute(),
                Duration.ofMinutes(1), new ClientBuckets(limit, clock), redis);
    }

    public Mono<Verdict> tryConsume(String client) {
        return limiter.isAllowed(name, client).map(response -> {
            long tokensLeft = Long.parseLong(response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER));
            // the limiter answers -1 (and lets the request through) when Redis could not be asked
            if (tokensLeft < 0) {
                return local(client);
            }
            if (fallingBack.compareAndSet(true, false)) {
                log.info("rate limit {} is shared through Redis again", name);
            }
            long retryAfter = response.isAllowed() ? 0
                    : Math.max(1, ceilDiv(cost - tokensLeft, tokensPerSecond));
            return new Verdict(response.isAllowed(), tokensLeft / cost, retryAfter, true);
        });
    }

    /** This instance's own buckets, which only a Redis outage puts to use. */
    public ClientBuckets fallback() {
        return fallback;
    }

    private Verdict local(String client) {
        if (fallingBack.compareAndSet(false, true)) {
            log.warn("Redis cannot be reached: rate limit {} falls back to this instance's own buckets", name);
        }
        ConsumptionProbe probe = fallback.tryConsume(client);
        return new Verdict(probe.isConsumed(), probe.getRemainingTokens(),
                probe.isConsumed() ? 0 : ClientBuckets.retryAfterSeconds(probe), false);
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
