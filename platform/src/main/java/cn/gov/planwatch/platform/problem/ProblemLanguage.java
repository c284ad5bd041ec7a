package cn.gov.planwatch.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.Locale;

/**
 * The language a refusal is answered in: the one the request's {@code Accept-Language} prefers, as the service's
 * {@code LocaleResolver} reads it (q-values respected). Without that header, English, whatever the server's own
 * locale, so clients that never asked keep the texts they have always had.
 */
public final class ProblemLanguage {

    public static Locale of(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return Locale.ENGLISH;
        }
        return RequestContextUtils.getLocale(request);
    }

    private ProblemLanguage() {
    }
}
