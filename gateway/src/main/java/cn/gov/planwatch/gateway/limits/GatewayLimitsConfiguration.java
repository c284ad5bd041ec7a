package cn.gov.planwatch.gateway.limits;

import io.github.bucket4j.TimeMeter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The limits' shared state. The filters themselves are placed inside the security chain (see
 * GatewaySecurityConfiguration), not registered as beans, so that each runs exactly once and in its place.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayLimits.class)
public class GatewayLimitsConfiguration {

    @Bean
    ClientBuckets clientBuckets(GatewayLimits limits) {
        return new ClientBuckets(limits.rateLimit(), TimeMeter.SYSTEM_NANOTIME);
    }

    /** Sweeps idle buckets once per refill period, so memory follows the clients active now. */
    @Bean(destroyMethod = "dispose")
    Disposable idleBucketSweep(ClientBuckets buckets) {
        return Flux.interval(buckets.idleBeforeEviction()).subscribe(tick -> buckets.evictIdle());
    }
}
