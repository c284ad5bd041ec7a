package cn.gov.planwatch.programme;

import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.platform.input.InvalidInputException;
import cn.gov.planwatch.platform.problem.ProblemException;
import cn.gov.planwatch.platform.problem.Problems;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Assertions on the service's answers, as a client reads them. */
public final class ApiAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The body of a successful answer with {@code status}. */
    public static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** An RFC 9457 problem with {@code status}, naming {@code field} in its errors when not null. */
    public static JsonNode problem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.has("type") && problem.has("title") && problem.has("detail")).as(response.body()).isTrue();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at cn.gov");
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsString("field")).as(response.body()).contains(field);
        }
        return problem;
    }

    /**
     * The problem a rule's refusal is answered with: rules throw domain refusals (or, for the caller's standing,
     * problems), and the web layer answers each as below. Fails when the rule refuses nothing, or not so.
     */
    public static ProblemException refusal(ThrowingCallable rule) {
        Throwable refusal = catchThrowable(rule);
        ProblemException problem = refusal instanceof InvalidInputException invalid ? Problems.of(invalid)
                : refusal instanceof PlanRuleException planRule ? Problems.of(planRule)
                : refusal instanceof ProblemException known ? known : null;
        assertThat(problem).as("a refusal answered as a problem, not %s", refusal).isNotNull();
        return problem;
    }

    private ApiAnswers() {
    }
}
