package cn.gov.planwatch.platform.problem;

import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.input.InvalidInputException;
import cn.gov.planwatch.planrules.FieldRefusal;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every refusal into {@code application/problem+json} with {@code type, title, status, detail}
 * and, for validation, {@code errors: [{field, message}]}. Never a stack trace.
 */
@RestControllerAdvice
public class ProblemAnswers extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

    private static final BilingualText UNKNOWN_FIELD = BilingualText.of("unknown field", "未定义的字段");
    private static final BilingualText NOT_OF_FIELD_TYPE = BilingualText.of("not a valid value of this field's type",
            "取值类型与该字段不符");
    private static final BilingualText BODY_UNREADABLE = BilingualText.of(
            "The body is missing or not readable as JSON.", "请求体缺失，或无法按 JSON 读取。");

    /** Refused writes, as structured security events: who, what, why — never the body. */
    private static final Logger security = LoggerFactory.getLogger("planwatch.security");

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> refused(ProblemException e, HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && e.status().is4xxClientError()) {
            security.warn("security.refused status={} method={} path={} {} type={} fields={}",
                    e.status().value(), request.getMethod(), request.getRequestURI(),
                    Caller.auditName(request.getUserPrincipal()),
                    e.type().substring(e.type().lastIndexOf('/') + 1),
                    e.errors().stream().map(FieldProblem::field).toList());
        }
        return problem(e, request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e, HttpServletRequest request) {
        return refused(Problems.of(e), request);
    }

    @ExceptionHandler(PlanRuleException.class)
    ResponseEntity<Object> planRule(PlanRuleException e, HttpServletRequest request) {
        return refused(Problems.of(e), request);
    }

    /** The problem in the reader's language, which the answer names in {@code Content-Language}. */
    ResponseEntity<Object> problem(ProblemException e, HttpServletRequest request) {
        ProblemException.Texts texts = e.inLanguageOf(ProblemLanguage.of(request));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), texts.detail());
        body.setType(URI.create(e.type()));
        body.setTitle(texts.title());
        if (!texts.errors().isEmpty()) {
            body.setProperty("errors", texts.errors());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status())
                .header(HttpHeaders.CONTENT_LANGUAGE, texts.language().toLanguageTag());
        if (e.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds().toString());
        }
        return answer.body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        // The database is down or restarting, and this request has not handed anything to the event log: it
        // recorded nothing, which a 503 promises. After an append the outcome is not ours to deny: a 500 stays.
        if (DatabaseOutage.causedBy(e) && !(e instanceof FailedAfterAppendException)) {
            log.warn("database unavailable answering {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.toString());
            return problem(Problems.databaseUnavailable(BilingualText.of(
                    "The database cannot be reached now; nothing was recorded. Try again later.",
                    "数据库暂时无法连接，本次未记录任何内容，请稍后重试。")), request);
        }
        log.error("unexpected failure answering a request", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server failed to answer; the failure is logged.");
        body.setType(URI.create(Problems.TYPE_PREFIX + "internal-error"));
        body.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(unreadable(e), servletRequest(request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldRefusal> refusals = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldRefusal(error.getField(), ConstraintMessages.of(error)))
                .toList();
        return problem(Problems.invalid(summary(refusals), refusals), servletRequest(request));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldRefusal> refusals = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldRefusal(result.getMethodParameter().getParameterName(),
                                ConstraintMessages.of(error))))
                .toList();
        return problem(Problems.invalid(summary(refusals), refusals), servletRequest(request));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        // Spring's own answers (415, 405, 404 …) get a type URI of ours instead of about:blank.
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            problem.setType(URI.create(Problems.TYPE_PREFIX + "http-" + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ProblemException unreadable(HttpMessageNotReadableException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof RequestBodyLimit.BodyTooLargeException tooLarge) {
                return RequestBodyLimit.asProblem(tooLarge);
            }
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof StreamReadException parse) {
            // The parser's own words say where the JSON breaks; they stay as they are in either language.
            return Problems.invalid(BilingualText.of("The body is not well-formed JSON: " + parse.getOriginalMessage(),
                    "请求体不是格式正确的 JSON：" + parse.getOriginalMessage()), List.of());
        }
        if (cause instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = mapping.getOriginalMessage();
            return Problems.invalidField(field, message != null && message.contains("Unrecognized property")
                    ? UNKNOWN_FIELD : NOT_OF_FIELD_TYPE);
        }
        return Problems.invalid(BODY_UNREADABLE, List.of());
    }

    private static BilingualText summary(List<FieldRefusal> refusals) {
        List<BilingualText> each = refusals.stream()
                .map(refusal -> BilingualText.fieldAndReason(refusal.field(), refusal.message())).toList();
        String en = each.stream().map(BilingualText::en).collect(Collectors.joining("; "));
        return each.stream().allMatch(BilingualText::translated)
                ? BilingualText.of(en, each.stream().map(BilingualText::zh).collect(Collectors.joining("；")))
                : BilingualText.englishOnly(en);
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }
}
