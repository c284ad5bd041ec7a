package cn.gov.planwatch.gateway.login;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;

import java.time.Clock;

/**
 * Replaces Boot's session manager only to put the {@link BoundedWebSessionStore} under it; the bound and the idle
 * timeout stay {@code server.reactive.session.max-sessions} and {@code .timeout}, the cookie settings Boot's.
 */
@Configuration(proxyBeanMethods = false)
public class SessionStoreConfiguration {

    @Bean
    BoundedWebSessionStore webSessionStore(ServerProperties server) {
        ServerProperties.Reactive.Session session = server.getReactive().getSession();
        return new BoundedWebSessionStore(session.getMaxSessions(), session.getTimeout(), Clock.systemUTC());
    }

    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager(BoundedWebSessionStore store, ObjectProvider<WebSessionIdResolver> cookies) {
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionStore(store);
        cookies.ifAvailable(manager::setSessionIdResolver);
        return manager;
    }
}
