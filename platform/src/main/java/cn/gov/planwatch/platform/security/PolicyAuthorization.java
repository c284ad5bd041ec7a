package cn.gov.planwatch.platform.security;

import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A service's access decision for any request: what {@link ApiAccessPolicy} says of its method and path. A caller
 * without a token who is refused meets the 401 challenge; one with a token, the 403 or 405 of {@link SecurityRefusals}.
 */
final class PolicyAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        ApiAccessPolicy.Access access = ApiAccessPolicy.decide(request.getMethod(), path(request));
        if (access instanceof ApiAccessPolicy.Public) {
            return new AuthorizationDecision(true);
        }
        if (access instanceof ApiAccessPolicy.Roles roles) {
            return AuthorityAuthorizationManager
                    .<RequestAuthorizationContext>hasAnyRole(roles.roles().toArray(String[]::new))
                    .authorize(authentication, context);
        }
        // A method no rule names, or a path no rule covers.
        return new AuthorizationDecision(false);
    }

    /** The decoded path within the application, as request mappings see it (error dispatches: the error page's). */
    static String path(HttpServletRequest request) {
        return request.getServletPath() + Objects.requireNonNullElse(request.getPathInfo(), "");
    }
}
