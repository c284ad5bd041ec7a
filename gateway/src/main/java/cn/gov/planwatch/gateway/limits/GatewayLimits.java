package cn.gov.planwatch.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code planwatch.gateway}.
 *
 * @param maxBodySize largest request body accepted, with or without Content-Length
 * @param rateLimit   the per-client token bucket
 */
@ConfigurationProperties("planwatch.gateway")
public record GatewayLimits(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue RateLimit rateLimit) {

    /**
     * @param capacity        burst a client may send at once
     * @param refillPerSecond sustained requests per second per client
     */
    public record RateLimit(@DefaultValue("200") long capacity, @DefaultValue("100") long refillPerSecond) {

        public RateLimit {
            if (capacity < 1 || refillPerSecond < 1) {
                throw new IllegalArgumentException(
                        "planwatch.gateway.rate-limit.capacity and refill-per-second must be at least 1");
            }
        }
    }
}
