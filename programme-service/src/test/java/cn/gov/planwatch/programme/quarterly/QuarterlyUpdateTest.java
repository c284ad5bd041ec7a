package cn.gov.planwatch.programme.quarterly;

import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class QuarterlyUpdateTest {

    private static final Instant T1 = Instant.parse("2025-10-05T00:00:00Z");
    private static final Instant T2 = Instant.parse("2025-10-06T00:00:00Z");
    private static final Instant T3 = Instant.parse("2025-10-07T00:00:00Z");
    private static final Instant T4 = Instant.parse("2025-10-08T00:00:00Z");

    private final QuarterlyUpdateSubmitted submitted = new QuarterlyUpdateSubmitted(UUID.randomUUID(), "SAMR",
            "2025-Q3", "samr-reporter", null, T1);
    private final QuarterlyUpdateReturned returned = new QuarterlyUpdateReturned(UUID.randomUUID(), "SAMR", "2025-Q3",
            "CNIPA", "请补充风险说明", List.of("trade-secrets"), "cnipa-lead", null, T2);
    private final QuarterlyUpdateSubmitted resubmitted = new QuarterlyUpdateSubmitted(UUID.randomUUID(), "SAMR",
            "2025-Q3", "samr-reporter", null, T3);
    private final QuarterlyUpdateAccepted accepted = new QuarterlyUpdateAccepted(UUID.randomUUID(), "SAMR", "2025-Q3",
            "CNIPA", "cnipa-lead", null, T4);

    @Test
    void theLifecycleFoldsInLogOrder() {
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
        assertThat(update.lastEventId()).isEqualTo(accepted.eventId());
    }

    @Test
    void anEarlierEventArrivingLateCannotRollTheStateBack() {
        QuarterlyUpdate update = QuarterlyUpdate.open("SAMR", "2025-Q3").after(resubmitted).after(accepted)
                .after(submitted).after(returned);

        assertThat(update.state()).isEqualTo(QuarterlyUpdateState.ACCEPTED);
        assertThat(update.lastReview().outcome()).isEqualTo("ACCEPTED");
        // … but the earlier submission still counts for timeliness.
        assertThat(update.firstSubmittedAt()).isEqualTo(T1);
        assertThat(update.submittedAt()).isEqualTo(T3);
    }

    @Test
    void aReturnAfterAnAcceptanceInTheLogReopensTheQuarter() {
        QuarterlyUpdateReturned later = new QuarterlyUpdateReturned(UUID.randomUUID(), "SAMR", "2025-Q3", "CNIPA",
                "reopened", List.of(), null, null, T4.plusSeconds(60));
        QuarterlyUpdate update = QuarterlyUpdate.open("SAMR", "2025-Q3").after(submitted).after(accepted).after(later);
        assertThat(update.state()).isEqualTo(QuarterlyUpdateState.RETURNED);
        assertThat(update.state().locked()).isFalse();
    }
}
