package cn.gov.planwatch.platform.problem;

import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdate;
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
        MockHttpServletRequest request = post();
        request.setAttribute(ProblemAnswers.RECORDING_ATTEMPTED, Boolean.TRUE);
        assertThat(answers.unexpected(outage, request).getStatusCode().value()).isEqualTo(500);
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
