package cn.gov.planwatch.reporting.provenance;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The events behind one figure of the national view, oldest first, as known at {@code asOf}.
 *
 * @param figure the figure's id (see {@code Figures})
 */
@Schema(description = "The events behind one figure of the national view, oldest first, as known at asOf"
        + " / 某一数字所依据的事件（按时间先后）")
public record Provenance(
        @Schema(description = "The figure's id, kind:key", requiredMode = REQUIRED,
                example = "compliance:SAMR/2025-Q2") String figure,
        @Schema(description = "The instant the figure is as of: the asOf asked for, or now", requiredMode = REQUIRED,
                example = "2025-07-20T00:00:00Z") Instant asOf,
        @Schema(requiredMode = REQUIRED) List<Event> events) {

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
    @Schema(description = "One event behind the figure / 一个事件")
    public record Event(
            @Schema(requiredMode = REQUIRED) UUID eventId,
            @Schema(description = "The event's kind", requiredMode = REQUIRED, allowableValues = {
                    "ObservationReported", "ProgressReported", "QuarterlyUpdateSubmitted", "QuarterlyUpdateAccepted",
                    "QuarterlyUpdateReturned"}, example = "QuarterlyUpdateSubmitted") String type,
            @Schema(description = "What it is about: indicator/period (IND-01/2023), programme/quarter/agency, or"
                    + " agency/quarter", requiredMode = REQUIRED, example = "SAMR/2025-Q2") String subject,
            @Schema(description = "The agency that reported or whose update it is", requiredMode = REQUIRED,
                    example = "SAMR") String agency,
            @Schema(description = "The OAuth client that made the request", requiredMode = REQUIRED,
                    example = "samr-reporter") String clientId,
            @Schema(description = "Who acted through the client: the person who logged in, or the client itself",
                    requiredMode = REQUIRED, example = "li.na") String actor,
            @Schema(description = "When the event was recorded in the log", requiredMode = REQUIRED,
                    example = "2025-07-10T02:30:00Z") Instant recordedAt,
            @Schema(description = "The revision of the subject (observations, progress: 1, 2, …) or the step of the"
                    + " quarterly update (1, 2, … in arrival order)", requiredMode = REQUIRED, example = "1")
            int revision,
            @Schema(description = "What the event said that the figure is made of: an indicator's value or a"
                    + " milestone's (a number), a programme report's status and percentComplete (an object), the"
                    + " lifecycle step of an update (SUBMITTED, ACCEPTED or RETURNED); null where a report named no"
                    + " value for the figure", nullable = true, requiredMode = REQUIRED,
                    oneOf = {BigDecimal.class, ProgrammeValue.class, String.class}, example = "SUBMITTED")
            Object value,
            @Schema(description = "For the revisions of one indicator period: whether this one is the value the"
                    + " view uses; null for every other figure", nullable = true, requiredMode = REQUIRED,
                    example = "true") Boolean current) {
    }

    /** What a programme progress report says of the programme's standing. */
    @Schema(description = "A programme report's status and completion / 专栏进展报告的状态与完成度")
    public record ProgrammeValue(
            @Schema(requiredMode = REQUIRED, allowableValues = {"NOT_STARTED", "ON_TRACK", "AT_RISK", "DELAYED",
                    "COMPLETED"}, example = "ON_TRACK") String status,
            @Schema(requiredMode = REQUIRED, minimum = "0", maximum = "100", example = "60") int percentComplete) {
    }
}
