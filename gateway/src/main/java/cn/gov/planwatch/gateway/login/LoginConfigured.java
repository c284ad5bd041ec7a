package cn.gov.planwatch.gateway.login;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when the gateway has a client secret for its login client. Without one (tests, or before the auth server
 * first generated it) the login is left out instead of failing at the authorization server later.
 */
public class LoginConfigured implements Condition {

    static final String CLIENT_SECRET = "spring.security.oauth2.client.registration.planwatch.client-secret";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(CLIENT_SECRET));
    }

    /** The negation, for the configuration that stands in when login is off. */
    public static class Not implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new LoginConfigured().matches(context, metadata);
        }
    }
}
