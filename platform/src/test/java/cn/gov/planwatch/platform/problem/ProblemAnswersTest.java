package cn.gov.planwatch.platform.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;

import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A write that meets a database outage answers 503 + Retry-After while it has recorded nothing, and only then. */
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

    private static MockHttpServletRequest post() {
        return new MockHttpServletRequest("POST", "/api/v1/indicators/IND-01/observations");
    }
}
