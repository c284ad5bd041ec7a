package cn.gov.planwatch.gateway.security;

import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import cn.gov.planwatch.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.Principal;

/**
 * 401, 403, 404 (a path no rule of the access policy covers) and 405 (a method no rule names for the path) as problem
 * answers, each logged as one line on {@code planwatch.security}.
 */
@Component
public class SecurityRefusals implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    public SecurityRefusals(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        RefusalLog.refused(401, exchange, null, failure.getMessage());
        // RFC 6750: clients read the error here to know they should fetch a new token.
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate(failure));
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "A valid bearer token from the PlanWatch issuer is required.");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        boolean csrf = denied instanceof CsrfException;
        return exchange.getPrincipal().map(Principal.class::cast).defaultIfEmpty(Anonymous.PRINCIPAL)
                .flatMap(principal -> {
                    ApiAccessPolicy.Access access = ApiAccessPolicy.decide(exchange.getRequest().getMethod().name(),
                            PolicyAuthorization.path(exchange));
                    if (!csrf && access instanceof ApiAccessPolicy.NoRule) {
                        // No rule covers the path: the public API has no such resource.
                        RefusalLog.refused(404, exchange, principal, "no rule");
                        return problems.write(exchange, HttpStatus.NOT_FOUND, "http-404", "Not found",
                                "No API resource at this path.");
                    }
                    if (!csrf && access instanceof ApiAccessPolicy.MethodNotAllowed notAllowed) {
                        RefusalLog.refused(405, exchange, principal, "method");
                        String allowed = String.join(", ", notAllowed.allowed());
                        exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, allowed);
                        return problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "http-405",
                                "Method not allowed", "This path does not take "
                                        + exchange.getRequest().getMethod().name() + "; it takes " + allowed + ".");
                    }
                    RefusalLog.refused(403, exchange, principal, csrf ? "csrf: " + denied.getMessage() : "role");
                    return csrf
                            ? problems.write(exchange, HttpStatus.FORBIDDEN, "csrf", "Forbidden",
                                    "This browser session's CSRF token is missing or wrong.")
                            : problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                    "Your role does not allow this call.");
                });
    }

    private static String wwwAuthenticate(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            StringBuilder header = new StringBuilder("Bearer error=\"").append(error.getErrorCode()).append('"');
            if (error.getDescription() != null) {
                header.append(", error_description=\"").append(error.getDescription().replace('"', '\'')).append('"');
            }
            if (error.getUri() != null) {
                header.append(", error_uri=\"").append(error.getUri()).append('"');
            }
            return header.toString();
        }
        return "Bearer";
    }

    /** Stands for "no principal" in a reactive chain, where null is not a value. */
    private enum Anonymous implements Principal {
        PRINCIPAL;

        @Override
        public String getName() {
            return "-";
        }
    }
}
