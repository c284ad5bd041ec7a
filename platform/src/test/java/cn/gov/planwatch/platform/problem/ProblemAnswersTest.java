package cn.gov.planwatch.platform.problem;

import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdate;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdateState;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A write that meets a database outage answers 503 + Retry-After while it has recorded nothing, and only then; a plan
 * rule's refusal is answered as the problem its kind calls for.
 */
class ProblemAnswersTest {

    private final ProblemAnswers answers = new ProblemAnswers();
    private final CannotGetJdbcConnectionException outage = new CannotGetJdbcConnectionException(
            "Failed to obtain JDBC Connection", new SQLTransientConnectionException("Connection is not available"));

    @Test
    void aDatabaseOutageBeforeAnythingWasRecordedIsA503WithRetryAfter() {
        ResponseEntity<Object> answer = answers.unexpected(outage, post());
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType().toString()).isEqualTo("https://planwatch.cn/problems/database-unavailable");
        assertThat(problem.getDetail()).contains("nothing was recorded");
    }

    @Test
    void aDatabaseOutageAfterTheEventWasHandedToTheLogIsNotAnsweredNothingWasRecorded() {
        assertThat(answers.unexpected(new FailedAfterAppendException(outage), post()).getStatusCode().value())
                .isEqualTo(500);
    }

    @Test
    void anyOtherFailureStaysA500() {
        assertThat(answers.unexpected(new IllegalStateException("bug"), post()).getStatusCode().value())
                .isEqualTo(500);
    }

    @Test
    void givenAPlanRulesRefusalWhenAnsweredThenTheProblemHasItsKindsStatusItsTypeAndItsField() {
        PlanCalendar calendar = PlanCalendar.of(new Plan("p", 1, "规划", "Plan", 2021, 2025, "CNIPA"),
                ZoneId.of("Asia/Shanghai"), Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC));

        assertProblem(() -> calendar.reportableQuarter("quarter", "2025"), 400, "invalid-request", "Invalid request",
                "quarter: must be YYYY-Qn, e.g. 2025-Q3", "quarter");
        assertProblem(() -> calendar.reportableQuarter("quarter", "2020-Q4"), 422, "implausible-value",
                "Implausible value", "quarter: must lie within the plan, 2021-Q1–2025-Q4", "quarter");
        assertProblem(() -> calendar.knownQuarter("2019-Q1"), 404, "not-found", "Not found",
                "unknown quarter '2019-Q1'", null);
        assertProblem(QuarterlyUpdate.open("SAMR", "2025-Q3")::requireReviewable, 409,
                "quarterly-update-not-submitted", "Not awaiting review", "SAMR's update for 2025-Q3 is OPEN, not"
                        + " SUBMITTED: only a submitted update can be accepted or returned", null);
    }

    @Test
    void givenAReaderWhoPrefersChineseWhenAPlanRuleRefusesThenTitleDetailAndMessagesAreChineseAndSaySo() {
        PlanCalendar calendar = PlanCalendar.of(new Plan("p", 1, "规划", "Plan", 2021, 2025, "CNIPA"),
                ZoneId.of("Asia/Shanghai"), Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC));
        MockHttpServletRequest chinese = post();
        chinese.addHeader(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.8");

        ResponseEntity<Object> outside = answers.planRule(
                (PlanRuleException) catchThrowable(() -> calendar.reportableQuarter("quarter", "2020-Q4")), chinese);
        assertThat(outside.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("zh-CN");
        ProblemDetail problem = (ProblemDetail) outside.getBody();
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getType().toString()).isEqualTo(Problems.TYPE_PREFIX + "implausible-value");
        assertThat(problem.getTitle()).isEqualTo("数值不合理");
        assertThat(problem.getDetail()).isEqualTo("quarter：须在规划期内（2021-Q1–2025-Q4）");
        assertThat(problem.getProperties().get("errors"))
                .isEqualTo(List.of(new FieldProblem("quarter", "须在规划期内（2021-Q1–2025-Q4）")));

        ResponseEntity<Object> locked = answers.planRule((PlanRuleException) catchThrowable(
                new QuarterlyUpdate("SAMR", "2025-Q3", QuarterlyUpdateState.ACCEPTED, null, null, null, null,
                        null)::requireNotLocked), chinese);
        assertThat(((ProblemDetail) locked.getBody()).getDetail())
                .isEqualTo("SAMR 2025-Q3 的季度更新已被牵头单位接受并锁定，不能再修改");
    }

    @Test
    void givenNoAcceptLanguageOrOneThatPrefersAnotherLanguageWhenRefusedThenTheAnswerIsTodaysEnglish() {
        PlanRuleException refusal = (PlanRuleException) catchThrowable(() -> PlanCalendar.of(
                new Plan("p", 1, "规划", "Plan", 2021, 2025, "CNIPA"), ZoneId.of("Asia/Shanghai"),
                Clock.systemUTC()).reportableQuarter("quarter", "2025"));
        for (String acceptLanguage : new String[] {null, "en", "fr-FR", "en;q=0.9, zh-CN;q=0.5", "zh;q=0, en"}) {
            MockHttpServletRequest request = post();
            if (acceptLanguage != null) {
                request.addHeader(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
            }
            ResponseEntity<Object> answer = answers.planRule(refusal, request);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).as(acceptLanguage).isEqualTo("en");
            ProblemDetail problem = (ProblemDetail) answer.getBody();
            assertThat(problem.getTitle()).as(acceptLanguage).isEqualTo("Invalid request");
            assertThat(problem.getDetail()).as(acceptLanguage).isEqualTo("quarter: must be YYYY-Qn, e.g. 2025-Q3");
        }
    }

    @Test
    void givenAProblemNotYetWrittenInChineseWhenAChineseReaderIsRefusedThenItIsWhollyEnglishAndSaysSo() {
        MockHttpServletRequest chinese = post();
        chinese.addHeader(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
        ResponseEntity<Object> answer = answers.refused(
                Problems.conflict("rebuild-running", "Rebuild running", "A rebuild is running"), chinese);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
        assertThat(((ProblemDetail) answer.getBody()).getTitle()).isEqualTo("Rebuild running");
    }

    private void assertProblem(ThrowingCallable rule, int status, String type, String title, String detail,
            String field) {
        PlanRuleException refusal = (PlanRuleException) catchThrowable(rule);
        ResponseEntity<Object> answer = answers.planRule(refusal, post());
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType().toString()).isEqualTo(Problems.TYPE_PREFIX + type);
        assertThat(problem.getTitle()).isEqualTo(title);
        assertThat(problem.getDetail()).isEqualTo(detail);
        Map<String, Object> properties = problem.getProperties();
        if (field == null) {
            assertThat(properties == null ? null : properties.get("errors")).isNull();
        } else {
            assertThat(properties.get("errors")).isEqualTo(List.of(new FieldProblem(field, refusal.reason())));
        }
    }

    private static MockHttpServletRequest post() {
        return new MockHttpServletRequest("POST", "/api/v1/indicators/IND-01/observations");
    }
}
