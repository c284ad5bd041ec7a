package cn.gov.planwatch.reporting.dashboard;

import cn.gov.planwatch.contracts.access.PageCsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Every page may render forms; each carries the login session's CSRF token the gateway handed this request
 * ({@link PageCsrfToken}), as {@code ${csrfToken}} — see the fragment {@code fragments/csrf :: field}.
 */
@ControllerAdvice
class PageCsrfTokenAdvice {

    @ModelAttribute("csrfToken")
    String csrfToken(@RequestHeader(name = PageCsrfToken.HEADER, required = false) String token) {
        return token == null ? "" : token;
    }

    @ModelAttribute("csrfField")
    String csrfField() {
        return PageCsrfToken.FORM_FIELD;
    }
}
