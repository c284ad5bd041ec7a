package cn.gov.planwatch.programme.quarterly;

import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.problem.ProblemException;
import cn.gov.planwatch.programme.ApiAnswers;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class QuarterlyUpdateRulesTest {

    private final QuarterlyUpdateRules rules =
            new QuarterlyUpdateRules(PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION));

    @Test
    void returnedItemsAreIndicatorCodesOrProgrammeSlugs() {
        assertThat(rules.checkReturn("请补充", List.of("IND-03", "trade-secrets"))).containsExactly("IND-03",
                "trade-secrets");
        assertThat(rules.checkReturn("reason", null)).isEmpty();
        assertField(() -> rules.checkReturn("reason", List.of("IND-03", "IND-99")), 422, "items[1]");
        assertField(() -> rules.checkReturn("reason", Arrays.asList("trade-secrets", "trade-secrets")), 422,
                "items[1]");
        assertField(() -> rules.checkReturn("a\u0000b", List.of()), 400, "reason");
    }

    @Test
    void onlyAnAgencyOfThePlanSubmits() {
        assertThat(rules.submittingAgency(new Caller("c", "SAMR", Set.of("reporter"), null))).isEqualTo("SAMR");
        assertOutcome(() -> rules.submittingAgency(new Caller("c", "NASA", Set.of("reporter"), null)), 403);
        assertOutcome(() -> rules.submittingAgency(new Caller("c", null, Set.of("reporter"), null)), 403);
        assertOutcome(() -> rules.agency("NASA"), 404);
    }

    private static void assertOutcome(ThrowableAssert.ThrowingCallable call, int status) {
        if (status == 0) {
            assertThatCode(call).doesNotThrowAnyException();
        } else {
            assertThat(ApiAnswers.refusal(call).status().value()).isEqualTo(status);
        }
    }

    private static void assertField(ThrowableAssert.ThrowingCallable call, int status, String field) {
        ProblemException problem = ApiAnswers.refusal(call);
        assertThat(problem.status().value()).isEqualTo(status);
        assertThat(problem.errors()).extracting(error -> error.field()).containsExactly(field);
    }
}
