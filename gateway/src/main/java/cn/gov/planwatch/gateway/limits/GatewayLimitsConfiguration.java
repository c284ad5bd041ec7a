package cn.gov.planwatch.gateway.limits;

import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The limits' shared state. The filters themselves are placed inside the security chain (see
 * GatewaySecurityConfiguration and OAuth2DashboardLogin), not registered as beans, so that each runs exactly once and
 * in its place; only {@link TrustedProxies} is a bean, to run before the whole chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayLimits.class)
public class GatewayLimitsConfiguration {

    public static final String LOGIN_START_BUCKETS = "loginStartBuckets";

    /** The API's buckets, per verified caller; the login starts have their own ({@link #LOGIN_START_BUCKETS}). */
    @Bean
    @Primary
    SharedBuckets clientBuckets(GatewayLimits limits, ApplicationContext redis) {
        return SharedBuckets.of(limits.redisNamespace(), limits.rateLimit(), TimeMeter.SYSTEM_NANOTIME, redis);
    }

    @Bean(LOGIN_START_BUCKETS)
    SharedBuckets loginStartBuckets(GatewayLimits limits, ApplicationContext redis) {
        return SharedBuckets.of(limits.redisNamespace(), limits.loginLimit(), TimeMeter.SYSTEM_NANOTIME, redis);
    }

    /**
     * Spring Cloud Gateway's own token-bucket script, read once. Its bean reads the script through a resource whose
     * modification time it checks before every call, opening the jar each time: a few per cent of the gateway's CPU
     * on every request, for a script that cannot change while the gateway runs.
     */
    @Bean
    static BeanPostProcessor tokenBucketScriptReadOnce() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (RedisRateLimiter.REDIS_SCRIPT_NAME.equals(name) && bean instanceof DefaultRedisScript<?> script) {
                    script.setScriptText(script.getScriptAsString());
                }
                return bean;
            }
        };
    }

    /**
     * Sweeps idle fallback buckets once per refill period, so memory follows the clients active now (Redis expires
     * its own buckets once they would be full again).
     */
    @Bean(destroyMethod = "dispose")
    Disposable idleBucketSweep(SharedBuckets buckets) {
        return sweep(buckets.fallback());
    }

    @Bean(destroyMethod = "dispose")
    Disposable idleLoginStartBucketSweep(@Qualifier(LOGIN_START_BUCKETS) SharedBuckets buckets) {
        return sweep(buckets.fallback());
    }

    /** A web filter of its own, ahead of security: every limit, log and rule after it sees the same address. */
    @Bean
    TrustedProxies trustedProxies(GatewayLimits limits) {
        return new TrustedProxies(limits.trustedProxies());
    }

    private static Disposable sweep(ClientBuckets buckets) {
        return Flux.interval(buckets.idleBeforeEviction()).subscribe(tick -> buckets.evictIdle());
    }
}
