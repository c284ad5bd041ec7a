package cn.gov.planwatch.platform.security;

import cn.gov.planwatch.contracts.access.VerifiedTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;

/**
 * A {@link JwtDecoder} that verifies each distinct bearer token once and then answers from
 * {@link VerifiedTokens} until the token expires (see there for why that is safe).
 */
public final class CachingJwtDecoder implements JwtDecoder {

    static final int CAPACITY = 4096;

    private final JwtDecoder verifier;
    private final VerifiedTokens<Jwt> verified;

    public CachingJwtDecoder(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.verified = new VerifiedTokens<>(CAPACITY, clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            jwt = verifier.decode(token);
            verified.put(token, jwt, jwt.getExpiresAt());
        }
        return jwt;
    }

    /** Wraps whichever decoder the application defines (Boot's, from the issuer's discovery, by default). */
    static BeanPostProcessor wrappingEveryDecoder(ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(decoder, clock.getIfAvailable(Clock::systemUTC))
                        : bean;
            }
        };
    }
}
