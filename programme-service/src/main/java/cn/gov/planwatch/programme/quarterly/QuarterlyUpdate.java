package cn.gov.planwatch.programme.quarterly;

import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One agency's update for one quarter, folded from its lifecycle events.
 *
 * @param firstSubmittedAt when it was first declared complete — what timeliness is measured by, so a
 *                         return by the lead after the deadline does not make an on-time agency late
 * @param submittedAt      the latest submission
 * @param lastReview       the latest acceptance or return, or null
 * @param lastRecordedAt   {@code recordedAt} of the event that set {@code state}
 */
public record QuarterlyUpdate(String agency, String quarter, QuarterlyUpdateState state, Instant firstSubmittedAt,
        Instant submittedAt, Review lastReview, UUID lastEventId, Instant lastRecordedAt) {

    /** A review by the lead agency; {@code reason} and {@code items} are set for a return only. */
    public record Review(String outcome, String reviewer, Instant reviewedAt, String reason, List<String> items,
            UUID eventId) {

        public Review {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public static QuarterlyUpdate open(String agency, String quarter) {
        return new QuarterlyUpdate(agency, quarter, QuarterlyUpdateState.OPEN, null, null, null, null, null);
    }

    /**
     * The update after {@code event}. Events normally arrive in log order; one arriving after a later
     * one (its writer's own database commit failed, and the projector caught up afterwards) still
     * counts for the submission times, but cannot roll the state back: the fact recorded last wins.
     */
    public QuarterlyUpdate after(QuarterlyUpdateEvent event) {
        Instant at = event.recordedAt();
        boolean latest = lastRecordedAt == null || !at.isBefore(lastRecordedAt);
        Instant first = firstSubmittedAt;
        Instant submitted = submittedAt;
        Review review = lastReview;
        if (event instanceof QuarterlyUpdateSubmitted) {
            first = first == null || at.isBefore(first) ? at : first;
            submitted = submitted == null || at.isAfter(submitted) ? at : submitted;
        } else if (review == null || !at.isBefore(review.reviewedAt())) {
            if (event instanceof QuarterlyUpdateAccepted accepted) {
                review = new Review("ACCEPTED", accepted.reviewer(), at, null, List.of(), accepted.eventId());
            } else if (event instanceof QuarterlyUpdateReturned returned) {
                review = new Review("RETURNED", returned.reviewer(), at, returned.reason(), returned.items(),
                        returned.eventId());
            }
        }
        return new QuarterlyUpdate(agency, quarter,
                latest ? QuarterlyUpdateState.after(event) : state, first, submitted, review,
                latest ? event.eventId() : lastEventId, latest ? at : lastRecordedAt);
    }
}
