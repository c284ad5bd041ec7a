package cn.gov.planwatch.reporting.provenance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events behind one figure of the national view, oldest first, as known at {@code asOf}.
 *
 * @param figure the figure's id (see {@code Figures})
 */
public record Provenance(String figure, Instant asOf, List<Event> events) {

    /**
     * One event behind the figure.
     *
     * @param type     the event's kind, e.g. {@code ObservationReported}
     * @param subject  what it is about: {@code IND-01/2023}, {@code programme/quarter/agency}, {@code agency/quarter}
     * @param clientId the OAuth client that made the request
     * @param actor    who acted through it: the person who logged in, or the client itself
     * @param revision the revision of that subject (progress, observations) or the step of the update (lifecycle)
     * @param value    what the event said that the figure is made of: a number, a status, a lifecycle step
     * @param current  for the revisions of one period: whether this one is the value the view uses
     */
    public record Event(UUID eventId, String type, String subject, String agency, String clientId, String actor,
            Instant recordedAt, int revision, Object value, Boolean current) {
    }
}
