package cn.gov.planwatch.reporting.serviceapi;

import java.util.Locale;

/**
 * The person a page acts for: their own access token (relayed by the gateway from the login session), which the other
 * service checks as if they called it, the agency it names (null where the page needs none), and the page's language,
 * in which the services word their messages.
 */
public record Person(String bearerToken, String agency, Locale language) {

    public Person {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new IllegalArgumentException("a page calls another service with the person's own token only");
        }
    }

    public Person(String bearerToken, Locale language) {
        this(bearerToken, null, language);
    }

    /** {@code Accept-Language} as the page is shown: Chinese unless the page is in English. */
    public String acceptLanguage() {
        return "en".equals(language.getLanguage()) ? "en" : "zh-CN";
    }
}
