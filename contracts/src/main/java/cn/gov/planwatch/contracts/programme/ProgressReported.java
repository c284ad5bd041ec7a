package cn.gov.planwatch.contracts.programme;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.plan.PlanId;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An agency on a programme reported its progress for a quarter ({@code YYYY-Qn}). A later report by
 * the same agency for the same programme and quarter is a revision; both stay in the log.
 *
 * @param status          one of {@code NOT_STARTED, ON_TRACK, AT_RISK, DELAYED, COMPLETED}
 * @param percentComplete 0–100, the agency's own estimate for its share of the programme
 * @param agency          the reporting agency's code (from the token, never from the body)
 * @param clientId        the OAuth client that made the request, for audit
 * @param traceId         the request's trace id
 * @param plan            (v2) the plan the programme belongs to; events written before events named their plan
 *                        read as {@link PlanId#OF_EVENTS_BEFORE_PLANS}
 * @param actor           who acted through the client: the token's subject — the person who logged in, or the
 *                        client itself for a client_credentials token. Events written before it read as the client.
 */
public record ProgressReported(
        UUID eventId,
        String plan,
        String programme,
        String quarter,
        String agency,
        String clientId,
        String traceId,
        String status,
        int percentComplete,
        String summary,
        String risks,
        List<MeasureStatus> measures,
        List<MilestoneValue> milestones,
        Instant recordedAt,
        String actor) implements PlanEvent {

    private static final String NAME = "cn.gov.planwatch.programme.ProgressReported";

    /** The first version, without the plan; its JSON binds onto the record with the plan read as the old one. */
    public static final EventType V1 = EventType.current(NAME, 1, Topics.PROGRAMME_EVENTS, ProgressReported.class);

    public static final EventType V2 = EventType.current(NAME, 2, Topics.PROGRAMME_EVENTS, ProgressReported.class);

    public ProgressReported {
        plan = PlanId.ofEvent(plan);
        // An event written without the lists reads as "nothing reported", never as null.
        measures = measures == null ? List.of() : List.copyOf(measures);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        actor = actor == null ? clientId : actor;
    }

    /** The client acted for itself. */
    public ProgressReported(UUID eventId, String plan, String programme, String quarter, String agency, String clientId,
            String traceId, String status, int percentComplete, String summary, String risks,
            List<MeasureStatus> measures, List<MilestoneValue> milestones, Instant recordedAt) {
        this(eventId, plan, programme, quarter, agency, clientId, traceId, status, percentComplete, summary, risks, measures,
                milestones, recordedAt, clientId);
    }

    /** The status of one measure of the programme ({@code code} from the catalogue). */
    @Schema(description = "The status of one measure of the programme, as reported / 专栏某项措施的状态")
    public record MeasureStatus(
            @Schema(description = "The measure's code in the catalogue", requiredMode = REQUIRED, example = "policy")
            String code,
            @Schema(description = "The measure's status: NOT_STARTED, ON_TRACK, AT_RISK, DELAYED or COMPLETED",
                    requiredMode = REQUIRED, example = "COMPLETED") String status,
            @Schema(description = "The agency's note on the measure, or null", requiredMode = REQUIRED,
                    nullable = true, example = "指引已印发") String note) {
    }

    /** The value reached on one quantified milestone, in the milestone's own unit (cumulative). */
    @Schema(description = "The value reached on one milestone, in its unit (cumulative) / 某里程碑的累计完成值")
    public record MilestoneValue(
            @Schema(description = "The milestone's code in the catalogue", requiredMode = REQUIRED,
                    example = "gi-demo-zones") String code,
            @Schema(description = "The value reached so far", requiredMode = REQUIRED, example = "37")
            BigDecimal value) {
    }

    @Override
    public String partitionKey() {
        return programme;
    }

    @Override
    public String subject() {
        return programme + "/" + quarter + "/" + agency;
    }
}
