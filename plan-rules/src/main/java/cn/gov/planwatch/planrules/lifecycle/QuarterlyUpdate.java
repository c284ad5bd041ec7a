package cn.gov.planwatch.planrules.lifecycle;

import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.planrules.BilingualText;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One agency's update for one quarter, folded from its lifecycle steps, and the steps its state allows.
 *
 * @param firstSubmittedAt when it was first declared complete — what timeliness is measured by, so a return by the
 *                         lead after the deadline does not make an on-time agency late
 * @param submittedAt      the latest submission
 * @param lastReview       the latest acceptance or return, or null
 * @param lastEventId      the step that set {@code state}
 * @param lastRecordedAt   {@code recordedAt} of the step that set {@code state}
 */
public record QuarterlyUpdate(String agency, String quarter, QuarterlyUpdateState state, Instant firstSubmittedAt,
        Instant submittedAt, Review lastReview, UUID lastEventId, Instant lastRecordedAt) {

    /** A review by the lead agency; {@code reason} and {@code items} are set for a return only. */
    @Schema(name = "QuarterlyUpdateReview", description = "A review of an update by the plan's lead agency"
            + " / 牵头单位对季度更新的审核")
    public record Review(
            @Schema(description = "ACCEPTED or RETURNED", requiredMode = REQUIRED, example = "RETURNED") String outcome,
            @Schema(description = "The reviewing agency's code", requiredMode = REQUIRED, example = "CNIPA")
            String reviewer,
            @Schema(description = "When it was recorded", requiredMode = REQUIRED, example = "2025-10-14T08:00:00Z")
            Instant reviewedAt,
            @Schema(description = "Why it was returned; null for an acceptance", requiredMode = REQUIRED,
                    nullable = true, example = "请补充商业秘密保护工程第三季度的里程碑数据") String reason,
            @ArraySchema(arraySchema = @Schema(description = "What to revise (indicator codes and programme slugs);"
                    + " empty for an acceptance", requiredMode = REQUIRED), schema = @Schema(example = "IND-03"))
            List<String> items,
            @Schema(description = "The review's lifecycle event", requiredMode = REQUIRED,
                    example = "0b6f1a52-6a3e-4a53-9d4e-2f1c3b7a9e10") UUID eventId) {

        public Review {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public static QuarterlyUpdate open(String agency, String quarter) {
        return new QuarterlyUpdate(agency, quarter, QuarterlyUpdateState.OPEN, null, null, null, null, null);
    }

    /** The update after {@code steps}, folded in the order given. */
    public static QuarterlyUpdate fold(String agency, String quarter, List<LifecycleEvent> steps) {
        QuarterlyUpdate update = open(agency, quarter);
        for (LifecycleEvent step : steps) {
            update = update.after(step);
        }
        return update;
    }

    public QuarterlyUpdate after(QuarterlyUpdateEvent event) {
        return after(LifecycleEvent.of(event));
    }

    /**
     * The update after {@code step}. Steps normally arrive in log order; one arriving after a later one (its writer's
     * own database commit failed, and a projector caught up afterwards) still counts for the submission times, but
     * cannot roll the state back: the fact recorded last wins.
     */
    public QuarterlyUpdate after(LifecycleEvent step) {
        Instant at = step.recordedAt();
        boolean latest = lastRecordedAt == null || !at.isBefore(lastRecordedAt);
        Instant first = firstSubmittedAt;
        Instant submitted = submittedAt;
        Review review = lastReview;
        if (step.kind() == LifecycleEvent.Kind.SUBMITTED) {
            first = first == null || at.isBefore(first) ? at : first;
            submitted = submitted == null || at.isAfter(submitted) ? at : submitted;
        } else if (review == null || !at.isBefore(review.reviewedAt())) {
            review = new Review(step.kind().name(), step.reviewer(), at,
                    step.kind() == LifecycleEvent.Kind.RETURNED ? step.reason() : null, step.items(), step.eventId());
        }
        return new QuarterlyUpdate(agency, quarter, latest ? QuarterlyUpdateState.after(step.kind()) : state, first,
                submitted, review, latest ? step.eventId() : lastEventId, latest ? at : lastRecordedAt);
    }

    /**
     * @throws IllegalLifecycleTransitionException when the update is locked, or already submitted and awaiting the
     *                                             lead agency's review
     */
    public void requireSubmittable() {
        requireNotLocked();
        if (state == QuarterlyUpdateState.SUBMITTED) {
            throw new IllegalLifecycleTransitionException("quarterly-update-already-submitted",
                    BilingualText.of("Already submitted", "已报送"), BilingualText.of(
                            agency + "'s update for " + quarter
                                    + " is already submitted and awaits the lead agency's review",
                            agency + " " + quarter + " 的季度更新已报送，正等待牵头单位审核"));
        }
    }

    /** @throws IllegalLifecycleTransitionException unless the update is submitted: only then is it reviewed */
    public void requireReviewable() {
        if (state != QuarterlyUpdateState.SUBMITTED) {
            throw new IllegalLifecycleTransitionException("quarterly-update-not-submitted",
                    BilingualText.of("Not awaiting review", "不在待审核状态"), BilingualText.of(
                            agency + "'s update for " + quarter + " is " + state
                                    + ", not SUBMITTED: only a submitted update can be accepted or returned",
                            agency + " " + quarter + " 的季度更新状态为 " + state
                                    + "，而非 SUBMITTED：只有已报送的季度更新才能被接受或退回"));
        }
    }

    /**
     * An accepted quarter takes no more writes from the agency until the lead returns it.
     *
     * @throws IllegalLifecycleTransitionException when the update is accepted
     */
    public void requireNotLocked() {
        if (state.locked()) {
            throw new IllegalLifecycleTransitionException("quarter-locked",
                    BilingualText.of("Quarter locked", "季度已锁定"), BilingualText.of(
                            agency + "'s update for " + quarter
                                    + " has been accepted by the lead agency; nothing more can be recorded for it",
                            agency + " " + quarter + " 的季度更新已被牵头单位接受并锁定，不能再修改"));
        }
    }
}
