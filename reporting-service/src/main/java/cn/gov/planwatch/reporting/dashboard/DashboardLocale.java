package cn.gov.planwatch.reporting.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

import java.util.Locale;

/**
 * The dashboard's language: {@code ?lang=zh|en}, else the browser's preference, else Chinese. Kept in the links
 * rather than a cookie: the gateway passes no cookies to services.
 */
class DashboardLocale implements LocaleResolver {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if ("en".equals(lang)) {
            return Locale.ENGLISH;
        }
        if ("zh".equals(lang)) {
            return CHINESE;
        }
        String accept = request.getHeader("Accept-Language");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : CHINESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language is chosen per request with ?lang=");
    }
}
