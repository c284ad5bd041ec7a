package cn.gov.planwatch.reporting.review;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.reporting.serviceapi.Answer;
import cn.gov.planwatch.reporting.serviceapi.Person;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi.QuarterlyUpdate;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The lead agency's queue: every submitted update of the plan awaiting review, oldest first, as programme-service
 * (which keeps the quarterly update cycle) answers the person now.
 */
@Component
class ReviewQueue {

    private final ProgrammeServiceApi programmes;
    private final ReviewCatalogue catalogue;
    private final Clock clock;

    ReviewQueue(ProgrammeServiceApi programmes, ReviewCatalogue catalogue, Clock clock) {
        this.programmes = programmes;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * The queue; {@code reviewedAgency} and {@code reviewedQuarter}, when given, name an update just reviewed,
     * whose state as it stands now is the page's outcome.
     */
    Queue of(String plan, Person person, String reviewedAgency, String reviewedQuarter) {
        Answer<ProgrammeServiceApi.Matrix> matrix = programmes.quarterlyUpdates(person, plan);
        if (!matrix.ok()) {
            return new Queue(List.of(), matrix.failure(), null);
        }
        Instant now = clock.instant();
        PlanCatalogue document = catalogue.plan(plan);
        List<QuarterlyUpdate> cells = matrix.body().agencies().stream().flatMap(a -> a.quarters().stream()).toList();
        List<WaitingUpdate> waiting = cells.stream()
                .filter(c -> c.awaitingReview() && c.submittedAt() != null)
                .sorted(Comparator.comparing(QuarterlyUpdate::submittedAt).thenComparing(QuarterlyUpdate::agency)
                        .thenComparing(QuarterlyUpdate::quarter))
                .map(c -> new WaitingUpdate(c.agency(),
                        ReviewCatalogue.agencyName(document, c.agency(), person.language()), c.quarter(),
                        c.submittedAt(), catalogue.dateTime(c.submittedAt()),
                        Days.between(c.submittedAt(), now), Boolean.TRUE.equals(c.onTime()),
                        c.review() != null && "RETURNED".equals(c.review().outcome()) ? c.review() : null))
                .toList();
        Outcome outcome = Optional.ofNullable(reviewedAgency).flatMap(agency -> cells.stream()
                        .filter(c -> c.agency().equals(agency) && c.quarter().equals(reviewedQuarter)).findFirst())
                .map(c -> new Outcome(c.agency(), ReviewCatalogue.agencyName(document, c.agency(), person.language()),
                        c.quarter(), c.state(), c.review()))
                .orElse(null);
        return new Queue(waiting, null, outcome);
    }

    /**
     * @param failure what programme-service answered instead of the updates, or null
     * @param outcome the update just reviewed, as it stands now; null when none was
     */
    record Queue(List<WaitingUpdate> waiting, Answer<?> failure, Outcome outcome) {
    }

    /** An update just reviewed: its state now, and the review recorded (the reason and items of a return). */
    record Outcome(String agency, String agencyName, String quarter, String state,
            ProgrammeServiceApi.Review review) {
    }
}
