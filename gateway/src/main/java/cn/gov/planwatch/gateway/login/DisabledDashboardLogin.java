package cn.gov.planwatch.gateway.login;

import cn.gov.planwatch.gateway.problem.ProblemResponses;
import cn.gov.planwatch.gateway.security.SecurityRefusals;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Stands in for the login when the gateway has no client secret: the dashboard's entry points answer 503
 * "login not configured", everything else (the API with bearer tokens) works as usual.
 */
public class DisabledDashboardLogin implements DashboardLogin {

    private static final ServerWebExchangeMatcher LOGIN_PATHS =
            ServerWebExchangeMatchers.pathMatchers("/", "/login/**", "/oauth2/**", "/logout");

    private final SecurityRefusals refusals;
    private final ProblemResponses problems;

    public DisabledDashboardLogin(SecurityRefusals refusals, ProblemResponses problems) {
        this.refusals = refusals;
        this.problems = problems;
    }

    @Override
    public void configure(ServerHttpSecurity http) {
        http.logout(ServerHttpSecurity.LogoutSpec::disable);
        http.addFilterBefore((exchange, chain) -> LOGIN_PATHS.matches(exchange)
                .flatMap(match -> match.isMatch()
                        ? problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "login-not-configured",
                                "Login not configured", "This gateway has no client secret for the dashboard login "
                                        + "(PLANWATCH_GATEWAY_CLIENT_SECRET); the API accepts bearer tokens.")
                        : chain.filter(exchange)), SecurityWebFiltersOrder.AUTHENTICATION);
        http.authorizeExchange(exchanges -> exchanges
                .pathMatchers(PUBLIC_ASSETS).permitAll()
                .anyExchange().authenticated());
    }

    @Override
    public ServerAuthenticationEntryPoint entryPoint() {
        return refusals;
    }
}
