package cn.gov.planwatch.reporting.review;

import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi.Review;

import java.time.Instant;

/**
 * One submitted update awaiting the lead agency's review.
 *
 * @param waitingSince when it was (last) submitted
 * @param daysWaiting  whole days since then, by the service's clock
 * @param onTime       whether first submitted before its deadline
 * @param lastReview   the return it was resubmitted after, or null when never reviewed
 */
public record WaitingUpdate(String agency, String agencyName, String quarter, Instant waitingSince,
        String waitingSinceText, long daysWaiting, boolean onTime, Review lastReview) {
}
