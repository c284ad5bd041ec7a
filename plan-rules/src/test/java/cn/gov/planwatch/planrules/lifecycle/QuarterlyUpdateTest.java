package cn.gov.planwatch.planrules.lifecycle;

import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;
import cn.gov.planwatch.planrules.PlanRuleException.Refusal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuarterlyUpdateTest {

    private static final Instant T1 = Instant.parse("2025-10-05T00:00:00Z");
    private static final Instant T2 = Instant.parse("2025-10-06T00:00:00Z");
    private static final Instant T3 = Instant.parse("2025-10-07T00:00:00Z");
    private static final Instant T4 = Instant.parse("2025-10-08T00:00:00Z");

    private final QuarterlyUpdateSubmitted submitted = new QuarterlyUpdateSubmitted(UUID.randomUUID(), "ip-2021-2025", "SAMR",
            "2025-Q3", "samr-reporter", null, T1);
    private final QuarterlyUpdateReturned returned = new QuarterlyUpdateReturned(UUID.randomUUID(), "ip-2021-2025", "SAMR", "2025-Q3",
            "CNIPA", "请补充风险说明", List.of("trade-secrets"), "cnipa-lead", null, T2);
    private final QuarterlyUpdateSubmitted resubmitted = new QuarterlyUpdateSubmitted(UUID.randomUUID(), "ip-2021-2025", "SAMR",
            "2025-Q3", "samr-reporter", null, T3);
    private final QuarterlyUpdateAccepted accepted = new QuarterlyUpdateAccepted(UUID.randomUUID(), "ip-2021-2025", "SAMR", "2025-Q3",
            "CNIPA", "cnipa-lead", null, T4);

    @Test
    void givenPublishedEventsWhenReadAsStepsThenEachKeepsItsKindReviewerReasonAndItems() {
        assertThat(LifecycleEvent.of(submitted)).isEqualTo(new LifecycleEvent(LifecycleEvent.Kind.SUBMITTED,
                submitted.eventId(), T1, null, null, List.of()));
        assertThat(LifecycleEvent.of(accepted)).isEqualTo(new LifecycleEvent(LifecycleEvent.Kind.ACCEPTED,
                accepted.eventId(), T4, "CNIPA", null, List.of()));
        assertThat(LifecycleEvent.of(returned)).isEqualTo(new LifecycleEvent(LifecycleEvent.Kind.RETURNED,
                returned.eventId(), T2, "CNIPA", "请补充风险说明", List.of("trade-secrets")));
        assertThat(QuarterlyUpdateState.after(returned)).isEqualTo(QuarterlyUpdateState.RETURNED);
    }

    @Test
    void givenStepsInLogOrderWhenFoldedThenTheUpdateFollowsThemToAcceptance() {
        QuarterlyUpdate update = QuarterlyUpdate.open("SAMR", "2025-Q3");
        assertThat(update.state()).isEqualTo(QuarterlyUpdateState.OPEN);

        update = update.after(submitted);
        assertThat(update.state()).isEqualTo(QuarterlyUpdateState.SUBMITTED);
        update = update.after(returned);
        assertThat(update.state()).isEqualTo(QuarterlyUpdateState.RETURNED);
        assertThat(update.lastReview().reason()).isEqualTo("请补充风险说明");
        assertThat(update.lastReview().items()).containsExactly("trade-secrets");
        update = update.after(resubmitted);
        assertThat(update.state()).isEqualTo(QuarterlyUpdateState.SUBMITTED);
        update = update.after(accepted);

        assertThat(update.state()).isEqualTo(QuarterlyUpdateState.ACCEPTED);
        assertThat(update.state().locked()).isTrue();
        assertThat(update.firstSubmittedAt()).isEqualTo(T1);
        assertThat(update.submittedAt()).isEqualTo(T3);
        assertThat(update.lastReview().outcome()).isEqualTo("ACCEPTED");
        assertThat(update.lastReview().reviewer()).isEqualTo("CNIPA");
        assertThat(update.lastReview().reason()).isNull();
        assertThat(update.lastEventId()).isEqualTo(accepted.eventId());
        assertThat(update.lastRecordedAt()).isEqualTo(T4);
    }

    @Test
    void givenAnEarlierStepArrivingLateWhenFoldedThenItCountsForTimelinessButCannotRollTheStateBack() {
        QuarterlyUpdate update = QuarterlyUpdate.open("SAMR", "2025-Q3").after(resubmitted).after(accepted)
                .after(submitted).after(returned);

        assertThat(update.state()).isEqualTo(QuarterlyUpdateState.ACCEPTED);
        assertThat(update.lastReview().outcome()).isEqualTo("ACCEPTED");
        assertThat(update.lastEventId()).isEqualTo(accepted.eventId());
        assertThat(update.firstSubmittedAt()).isEqualTo(T1);
        assertThat(update.submittedAt()).isEqualTo(T3);
    }

    @Test
    void givenAReturnAfterAnAcceptanceInTheLogWhenFoldedThenTheQuarterIsReopened() {
        LifecycleEvent later = new LifecycleEvent(LifecycleEvent.Kind.RETURNED, UUID.randomUUID(),
                T4.plusSeconds(60), "CNIPA", "reopened", List.of());

        QuarterlyUpdate update = QuarterlyUpdate.fold("SAMR", "2025-Q3",
                List.of(LifecycleEvent.of(submitted), LifecycleEvent.of(accepted), later));

        assertThat(update.state()).isEqualTo(QuarterlyUpdateState.RETURNED);
        assertThat(update.state().locked()).isFalse();
    }

    /** Which step each state allows: "-" = allowed, else the type of the refusal. */
    @ParameterizedTest(name = "given {0}: submit {1}, review {2}, other writes {3}")
    @CsvSource({
            "OPEN,      -,                                 quarterly-update-not-submitted, -",
            "SUBMITTED, quarterly-update-already-submitted, -,                             -",
            "RETURNED,  -,                                 quarterly-update-not-submitted, -",
            "ACCEPTED,  quarter-locked,                    quarterly-update-not-submitted, quarter-locked"})
    void givenAStateWhenAStepIsTakenThenOnlyTheStepsItAllowsPass(QuarterlyUpdateState state, String submit,
            String review, String write) {
        QuarterlyUpdate update = new QuarterlyUpdate("SAMR", "2025-Q3", state, null, null, null, null, null);

        assertOutcome(update::requireSubmittable, submit);
        assertOutcome(update::requireReviewable, review);
        assertOutcome(update::requireNotLocked, write);
    }

    @Test
    void givenARefusedStepWhenItIsExplainedThenTheDetailNamesTheAgencyTheQuarterAndTheState() {
        QuarterlyUpdate open = QuarterlyUpdate.open("SAMR", "2025-Q3");

        assertThatThrownBy(open::requireReviewable).isInstanceOfSatisfying(IllegalLifecycleTransitionException.class,
                e -> {
                    assertThat(e.title()).isEqualTo("Not awaiting review");
                    assertThat(e.field()).isNull();
                    assertThat(e.getMessage()).isEqualTo("SAMR's update for 2025-Q3 is OPEN, not SUBMITTED: only a"
                            + " submitted update can be accepted or returned");
                });
    }

    private static void assertOutcome(ThrowingCallable call, String type) {
        if (type.equals("-")) {
            assertThatCode(call).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(call).isInstanceOfSatisfying(IllegalLifecycleTransitionException.class, e -> {
                assertThat(e.refusal()).isEqualTo(Refusal.CONFLICT);
                assertThat(e.type()).isEqualTo(type);
            });
        }
    }
}
