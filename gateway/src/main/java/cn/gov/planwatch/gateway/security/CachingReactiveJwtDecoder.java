package cn.gov.planwatch.gateway.security;

import cn.gov.planwatch.contracts.access.VerifiedTokens;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * A {@link ReactiveJwtDecoder} that verifies each distinct bearer token once and then answers from
 * {@link VerifiedTokens} until the token expires (see there for why that is safe).
 */
public final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    static final int CAPACITY = 4096;

    private final ReactiveJwtDecoder verifier;
    private final VerifiedTokens<Jwt> verified;

    public CachingReactiveJwtDecoder(ReactiveJwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.verified = new VerifiedTokens<>(CAPACITY, clock);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt hit = verified.get(token);
        if (hit != null) {
            return Mono.just(hit);
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt, jwt.getExpiresAt()));
    }

    /** Wraps whichever decoder the application defines (Boot's, from the issuer's discovery, by default). */
    static BeanPostProcessor wrappingEveryDecoder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof CachingReactiveJwtDecoder)
                        ? new CachingReactiveJwtDecoder(decoder, Clock.systemUTC())
                        : bean;
            }
        };
    }
}
