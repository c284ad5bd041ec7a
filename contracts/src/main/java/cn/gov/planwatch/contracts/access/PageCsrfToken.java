package cn.gov.planwatch.contracts.access;

/**
 * How a dashboard page learns its login session's CSRF token: the gateway, which keeps the session, sets this
 * request header on the page requests it forwards (and drops it from anything a caller sends), and the page puts
 * the token in its forms' {@value #FORM_FIELD} field, which the gateway checks when the form is posted.
 */
public final class PageCsrfToken {

    public static final String HEADER = "X-Planwatch-Page-Csrf";
    public static final String FORM_FIELD = "_csrf";

    private PageCsrfToken() {
    }
}
