package cn.gov.planwatch.programme.plan;

import cn.gov.planwatch.planrules.UnknownPlanException;
import cn.gov.planwatch.planrules.PlanClosedException;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanDocuments;
import cn.gov.planwatch.catalogue.amendment.PlanAmendments;
import cn.gov.planwatch.catalogue.amendment.PlanDocumentOutcome;
import cn.gov.planwatch.catalogue.amendment.ReportedElement;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.plan.PlanAmended;
import cn.gov.planwatch.contracts.plan.PlanClosed;
import cn.gov.planwatch.contracts.plan.PlanDocumentEvent;
import cn.gov.planwatch.contracts.plan.PlanLifecycleEvent;
import cn.gov.planwatch.contracts.plan.PlanPublished;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.eventlog.EventClaim;
import cn.gov.planwatch.platform.eventlog.EventLog;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes, amends and closes plans. Each write judges the plan in force and appends its event under the plan's
 * lock, waiting for the log's acknowledgement, so two writes to one plan can never both be judged against the same
 * version.
 */
@Component
public class PlanRegistry {

    /** Who publishes the plan the product ships with: no person, the product itself. */
    public static final String PRODUCT_ACTOR = "planwatch";

    public static final String PUBLISHED = "PUBLISHED";
    public static final String AMENDED = "AMENDED";

    private final PlanBook book;
    private final EventLog eventLog;
    private final List<ReportsOnPlans> reports;
    private final Clock clock;

    PlanRegistry(PlanBook book, EventLog eventLog, List<ReportsOnPlans> reports, Clock clock) {
        this.book = book;
        this.eventLog = eventLog;
        this.reports = List.copyOf(reports);
        this.clock = clock;
    }

    /**
     * What a plan document did: the event that put its version in force, and whether this request recorded it (or
     * found the same version and content in force already).
     *
     * @param status PUBLISHED or AMENDED: how the version came to be in force
     */
    public record Outcome(UUID eventId, String plan, int version, String status, Instant recordedAt,
            boolean recordedNow) implements PlanEvent {

        static Outcome recorded(PlanDocumentEvent event) {
            return new Outcome(event.eventId(), event.plan(), event.version(),
                    event instanceof PlanAmended ? AMENDED : PUBLISHED, event.recordedAt(), true);
        }

        @Override
        public String partitionKey() {
            return plan;
        }

        @Override
        public String subject() {
            return plan + "/v" + version;
        }
    }

    /**
     * Publishes or amends the plan with {@code proposed}; the same version and content again records nothing and
     * answers the event that put it in force.
     *
     * @throws cn.gov.planwatch.catalogue.InvalidPlanDocumentException      for every problem of the amendment
     * @throws cn.gov.planwatch.catalogue.amendment.PlanVersionConflictException for a version that cannot follow
     * @throws PlanClosedException                                          once the plan is closed
     */
    public Outcome put(EventClaim claim, Caller caller, String plan, PlanCatalogue proposed) {
        UUID id = claim.eventId();
        return book.whileLocked(plan, () -> {
            Optional<PlanInForce> inForce = book.find(plan);
            if (inForce.isPresent() && inForce.get().closed()) {
                throw new PlanClosedException(plan);
            }
            PlanDocumentOutcome outcome = PlanAmendments.judge(plan, inForce.map(PlanInForce::document), proposed,
                    reportedIn(plan));
            PlanDocumentEvent event;
            if (outcome instanceof PlanDocumentOutcome.Unchanged) {
                PlanInForce same = inForce.get();
                return new Outcome(same.versionEventId(), plan, same.version(), same.versionStatus(),
                        same.publishedAt(), false);
            } else if (outcome instanceof PlanDocumentOutcome.Amended amended) {
                event = new PlanAmended(id, plan, proposed.plan().version(), amended.previous().plan().version(),
                        PlanDocuments.toJsonTree(proposed), caller.clientId(), caller.traceId(), clock.instant(),
                        caller.subject());
            } else {
                event = new PlanPublished(id, plan, proposed.plan().version(), PlanDocuments.toJsonTree(proposed),
                        caller.clientId(), caller.traceId(), clock.instant(), caller.subject());
            }
            return Outcome.recorded(appendAndRecord(claim, event));
        });
    }

    /**
     * Closes the plan, by its lead agency only.
     *
     * @throws UnknownPlanException       if no such plan is published
     * @throws NotLeadOfThisPlanException if the caller's agency does not lead the plan
     * @throws PlanClosedException        if it is closed already
     */
    public PlanClosed close(EventClaim claim, Caller caller, String plan, String reason) {
        UUID id = claim.eventId();
        return book.whileLocked(plan, () -> {
            PlanInForce inForce = book.find(plan).orElseThrow(() -> new UnknownPlanException(plan));
            String lead = inForce.document().plan().leadAgency();
            if (!lead.equals(caller.agency())) {
                throw new NotLeadOfThisPlanException(plan, caller.agency(), lead);
            }
            if (inForce.closed()) {
                throw new PlanClosedException(plan);
            }
            return appendAndRecord(claim, new PlanClosed(id, plan, reason, caller.clientId(), caller.traceId(),
                    clock.instant(), caller.subject()));
        });
    }

    /**
     * Publishes the plan the product ships with, unless the plan is already in this service's read model. The event
     * id is derived from the plan and version, so that a second publication (by an instance that could not see the
     * first) is the same event, which every read model applies once.
     *
     * @return the event appended, or empty if the plan was already there
     */
    public Optional<PlanPublished> publishShipped(PlanCatalogue shipped) {
        String plan = shipped.plan().id();
        return book.whileLocked(plan, () -> {
            if (book.find(plan).isPresent()) {
                return Optional.empty();
            }
            PlanPublished event = new PlanPublished(shippedEventId(shipped), plan, shipped.plan().version(),
                    PlanDocuments.toJsonTree(shipped), null, null, clock.instant(), PRODUCT_ACTOR);
            // No request waits on it: a claim of its own, with the id every instance derives.
            return Optional.of(appendAndRecord(new EventClaim(event.eventId(), false), event));
        });
    }

    /** The id of the shipped plan's publication: the same for every instance and every start. */
    public static UUID shippedEventId(PlanCatalogue shipped) {
        return UUID.nameUUIDFromBytes(("planwatch.plan-events:" + shipped.plan().id() + ":v"
                + shipped.plan().version() + ":published").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What of the plan has reports, so an amendment must keep it: progress, quarterly updates and indicator
     * observations, each as its read model has folded them.
     */
    private Set<ReportedElement> reportedIn(String plan) {
        Set<ReportedElement> reported = new HashSet<>();
        reports.forEach(model -> reported.addAll(model.reportedIn(plan)));
        return reported;
    }

    /** Appends under the plan's lock and records the event in the same transaction once the log acknowledged it. */
    private <E extends PlanLifecycleEvent> E appendAndRecord(EventClaim claim, E event) {
        E appended = eventLog.append(claim, event);
        book.recordAlongside(appended);
        return appended;
    }
}
