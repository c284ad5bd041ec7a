package cn.gov.planwatch.reporting.desk.internal;

import java.util.Locale;

/**
 * The person a desk page acts for: their own access token (relayed by the gateway from the login session), the agency
 * it names, and the page's language, which the services answer their messages in.
 */
public record Person(String bearerToken, String agency, Locale language) {

    /** {@code Accept-Language} as the page is shown: Chinese unless the page is in English. */
    public String acceptLanguage() {
        return "en".equals(language.getLanguage()) ? "en" : "zh-CN";
    }
}
