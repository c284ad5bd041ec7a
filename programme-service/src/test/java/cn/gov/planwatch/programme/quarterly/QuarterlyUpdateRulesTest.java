package cn.gov.planwatch.programme.quarterly;

import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.problem.ProblemException;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuarterlyUpdateRulesTest {

    private final QuarterlyUpdateRules rules =
            new QuarterlyUpdateRules(PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION));

    /** Which step each state allows: 0 = allowed, else the problem's status. */
    @ParameterizedTest(name = "{0}: submit {1}, review {2}, progress report {3}")
    @CsvSource({
            "OPEN,      0,   409, 0",
            "SUBMITTED, 409, 0,   0",
            "RETURNED,  0,   409, 0",
            "ACCEPTED,  409, 409, 409"})
    void eachStateAllowsItsOwnSteps(QuarterlyUpdateState state, int submit, int review, int progress) {
        QuarterlyUpdate update = new QuarterlyUpdate("SAMR", "2025-Q3", state, null, null, null, null, null);
        assertOutcome(() -> rules.requireSubmittable(update), submit);
        assertOutcome(() -> rules.requireReviewable(update), review);
        assertOutcome(() -> QuarterlyUpdateRules.requireNotLocked(update), progress);
    }

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
            assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.status().value()).isEqualTo(status));
        }
    }

    private static void assertField(ThrowableAssert.ThrowingCallable call, int status, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.errors()).extracting(error -> error.field()).containsExactly(field);
        });
    }
}
