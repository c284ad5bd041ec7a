package cn.gov.planwatch.gateway.redis;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis holds the login sessions and the shared rate-limit buckets. While it is unreachable a command fails at once
 * instead of waiting for the reconnect: the rate limits then fall back to this instance and a login answers 503,
 * rather than every request hanging until a timeout.
 */
@Configuration(proxyBeanMethods = false)
public class RedisClientConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
