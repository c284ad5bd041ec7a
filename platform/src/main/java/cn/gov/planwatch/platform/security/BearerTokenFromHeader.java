package cn.gov.planwatch.platform.security;

import cn.gov.planwatch.contracts.access.BearerHeader;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * A request's bearer token: read by {@link BearerHeader} when its Authorization header carries a well-formed one and
 * nothing else in the request could offer another (an {@code access_token} parameter, a form body); every other
 * request is read by Spring Security's own resolver, whose refusals and their wording stay as they are.
 */
final class BearerTokenFromHeader implements BearerTokenResolver {

    private final BearerTokenResolver framework = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String token = BearerHeader.token(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token != null && !mayOfferAnother(request)) {
            return token;
        }
        return framework.resolve(request);
    }

    private static boolean mayOfferAnother(HttpServletRequest request) {
        String query = request.getQueryString();
        String contentType = request.getContentType();
        return query != null && query.contains("access_token")
                || contentType != null && contentType.regionMatches(true, 0,
                        MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
    }
}
