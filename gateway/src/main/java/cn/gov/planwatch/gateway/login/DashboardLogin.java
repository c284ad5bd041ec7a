package cn.gov.planwatch.gateway.login;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;

/**
 * How people reach the dashboard: through an OAuth 2.0 login, or, when the gateway has no client secret, not at
 * all (and the API goes on working with bearer tokens).
 */
public interface DashboardLogin {

    /** The dashboard's static assets: reachable before logging in (the login page needs them). */
    String[] PUBLIC_ASSETS = {"/favicon.ico", "/assets/**", "/css/**", "/js/**", "/images/**"};

    /** Adds the login (or its refusal) and the dashboard's access rules; called after the API rules. */
    void configure(ServerHttpSecurity http);

    /** What an unauthenticated request meets. */
    ServerAuthenticationEntryPoint entryPoint();
}
