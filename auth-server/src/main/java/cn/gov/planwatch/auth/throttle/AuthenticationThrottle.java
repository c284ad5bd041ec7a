package cn.gov.planwatch.auth.throttle;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds back guessing at the two places a secret is checked: client authentication at the token endpoint and the
 * people's login form. Runs before Spring Security, so a refused attempt costs no password hash. The client address
 * is the TCP peer ({@code getRemoteAddr}; no forwarded-header handling is configured), never a header the caller
 * writes.
 */
public class AuthenticationThrottle extends OncePerRequestFilter {

    static final String TOKEN_ENDPOINT = "/oauth2/token";
    static final String LOGIN_FORM = "/login";

    private static final Log log = LogFactory.getLog(AuthenticationThrottle.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FailedAuthentications failures;

    public AuthenticationThrottle(FailedAuthentications failures) {
        this.failures = failures;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !(TOKEN_ENDPOINT.equals(path) || LOGIN_FORM.equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        FailedAuthentications.Verdict verdict = failures.begin(address);
        if (verdict.refused()) {
            refuse(request, response, address, verdict.retryAfter());
            return;
        }
        boolean failed = true;
        try {
            slowDown(verdict.delay());
            chain.doFilter(request, response);
            failed = isFailure(request, response);
        } finally {
            failures.finished(address, failed);
        }
    }

    /** A wrong client secret is 401 invalid_client; a wrong password sends the form back with {@code ?error}. */
    private static boolean isFailure(HttpServletRequest request, HttpServletResponse response) {
        if (request.getRequestURI().endsWith(TOKEN_ENDPOINT)) {
            return response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
        }
        String location = response.getHeader(HttpHeaders.LOCATION);
        return response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
                || (location != null && location.contains(LOGIN_FORM + "?error"));
    }

    /** Holds this one attempt back; the thread is the attacker's own, and there are at most max-failures of them. */
    private static void slowDown(Duration delay) throws ServletException {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while slowing down a repeated failed authentication", interrupted);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String address,
            Duration retryAfter) throws IOException {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        log.warn("security.refused status=429 path=%s address=%s reason=\"repeated failed authentication\""
                .formatted(request.getRequestURI(), address));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed authentications from this address; retry after " + seconds + " s. "
                        + "此地址认证失败次数过多，请 " + seconds + " 秒后再试。");
        problem.setType(URI.create("https://planwatch.cn/problems/too-many-failed-authentications"));
        problem.setTitle("Too many failed authentications");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
