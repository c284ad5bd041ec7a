package cn.gov.planwatch.platform.security;

import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.RefusalTitles;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.problem.ProblemException;
import cn.gov.planwatch.platform.problem.ProblemLanguage;
import cn.gov.planwatch.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * 401, 403, 404 (a path no rule of the access policy covers) and 405 (a method no rule names for the path) as
 * problem answers, each logged as a structured security event (who, what, why — never the body or the token).
 */
public class SecurityRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger security = LoggerFactory.getLogger("planwatch.security");

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final JsonMapper json;

    public SecurityRefusals(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        // Sets WWW-Authenticate with the RFC 6750 error, which clients read to refresh their token.
        bearer.commence(request, response, failure);
        security.warn("security.refused status=401 method={} path={} reason=\"{}\"", request.getMethod(),
                request.getRequestURI(), failure.getMessage());
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", BilingualText.of("Unauthenticated", "未认证"),
                BilingualText.of("A valid bearer token from the PlanWatch issuer is required.",
                        "需要 PlanWatch 签发的有效 bearer 令牌。"), request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException failure)
            throws IOException {
        String caller = Caller.auditName(request.getUserPrincipal());
        ApiAccessPolicy.Access access = ApiAccessPolicy.decide(request.getMethod(), PolicyAuthorization.path(request));
        if (access instanceof ApiAccessPolicy.NoRule) {
            // No rule covers the path: the public API has no such resource, whatever the service maps there.
            security.warn("security.refused status=404 method={} path={} {} reason=\"no rule\"",
                    request.getMethod(), request.getRequestURI(), caller);
            write(response, HttpStatus.NOT_FOUND, "http-404", RefusalTitles.NOT_FOUND,
                    BilingualText.of("No API resource at this path.", "此路径下没有 API 资源。"), request);
            return;
        }
        if (access instanceof ApiAccessPolicy.MethodNotAllowed notAllowed) {
            security.warn("security.refused status=405 method={} path={} {} reason=\"method\"",
                    request.getMethod(), request.getRequestURI(), caller);
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", notAllowed.allowed()));
            String allowed = String.join(", ", notAllowed.allowed());
            write(response, HttpStatus.METHOD_NOT_ALLOWED, "http-405",
                    BilingualText.of("Method not allowed", "不支持该请求方法"),
                    BilingualText.of("This path does not take " + request.getMethod() + "; it takes " + allowed + ".",
                            "此路径不接受 " + request.getMethod() + " 请求，仅接受 " + allowed + "。"), request);
            return;
        }
        security.warn("security.refused status=403 method={} path={} {} reason=\"role\"",
                request.getMethod(), request.getRequestURI(), caller);
        write(response, HttpStatus.FORBIDDEN, "forbidden", RefusalTitles.FORBIDDEN,
                BilingualText.of("Your token's role does not allow this call.", "令牌所属角色无权进行此项操作。"), request);
    }

    private void write(HttpServletResponse response, HttpStatus status, String slug, BilingualText title,
            BilingualText detail, HttpServletRequest request) throws IOException {
        ProblemException.Texts texts = new ProblemException(status, Problems.TYPE_PREFIX + slug, title, detail,
                List.of(), null).inLanguageOf(ProblemLanguage.of(request));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, texts.detail());
        problem.setType(URI.create(Problems.TYPE_PREFIX + slug));
        problem.setTitle(texts.title());
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, texts.language().toLanguageTag());
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
