package cn.gov.planwatch.reporting.review.internal;

import java.util.Locale;

/**
 * The person a page acts for: their own access token, which the other service checks as if they called it, and the
 * page's language, in which it answers.
 */
public record Person(String accessToken, Locale language) {

    public Person {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("a page calls another service with the person's own token only");
        }
    }
}
