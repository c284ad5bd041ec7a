package cn.gov.planwatch.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * Settings under {@code planwatch.gateway}.
 *
 * @param maxBodySize largest request body accepted, with or without Content-Length
 * @param rateLimit   the per-client token bucket
 * @param loginLimit     the per-address token bucket for starting a dashboard login
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies in front of the gateway, whose
 *                       X-Forwarded-For alone is believed (see {@link TrustedProxies}); none by default
 * @param redisNamespace the prefix of the gateway's rate-limit keys in Redis: gateways of one deployment share it,
 *                       and another deployment on the same Redis takes its own
 */
@ConfigurationProperties("planwatch.gateway")
public record GatewayLimits(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue RateLimit rateLimit,
        @DefaultValue LoginLimit loginLimit, @DefaultValue List<String> trustedProxies,
        @DefaultValue("planwatch") String redisNamespace) {

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

    /**
     * Login starts are the only requests that store state (a session) for a caller nobody knows yet, so they get a
     * far smaller bucket than the API's, per client address.
     *
     * @param capacity        login starts one address may make at once (an office behind one NAT logging in at nine)
     * @param refillPerMinute sustained login starts per minute per address
     * @param unfinishedLoginTimeout how long the session of a login nobody finished is kept while idle; a finished
     *                               login's session is kept for {@code server.reactive.session.timeout}
     */
    public record LoginLimit(@DefaultValue("30") long capacity, @DefaultValue("20") long refillPerMinute,
            @DefaultValue("10m") Duration unfinishedLoginTimeout) {


        public LoginLimit {
            if (capacity < 1 || refillPerMinute < 1) {
                throw new IllegalArgumentException(
                        "planwatch.gateway.login-limit.capacity and refill-per-minute must be at least 1");
            }
        }
    }
}
