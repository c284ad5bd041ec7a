package cn.gov.planwatch.programme.quarterly;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One lifecycle event as the history shows it: {@code kind} is SUBMITTED, ACCEPTED or RETURNED; {@code actor} is
 * who acted through the client (the person who logged in, or the client itself).
 */
@Schema(description = "One step of an agency's quarterly update cycle: a submission, an acceptance or a return.")
public record QuarterlyUpdateStep(
        @Schema(description = "The id of the lifecycle event", requiredMode = REQUIRED,
                example = "5d0c8f3e-1b7a-4c2e-9f64-8a3b2c1d0e9f") UUID eventId,
        @Schema(description = "What happened", requiredMode = REQUIRED,
                allowableValues = {"SUBMITTED", "ACCEPTED", "RETURNED"}, example = "RETURNED") String kind,
        @Schema(description = "The agency whose update it is", requiredMode = REQUIRED, example = "SAMR") String agency,
        @Schema(description = "The quarter, YYYY-Qn", requiredMode = REQUIRED, example = "2025-Q3") String quarter,
        @Schema(description = "The reviewing agency; null for a submission", nullable = true, requiredMode = REQUIRED,
                example = "CNIPA") String reviewer,
        @Schema(description = "Why it was returned; null unless RETURNED", nullable = true, requiredMode = REQUIRED,
                example = "请补充商业秘密保护工程第三季度的里程碑数据") String reason,
        @ArraySchema(arraySchema = @Schema(description = "What to revise (indicator codes and programme slugs); empty"
                + " unless RETURNED", requiredMode = REQUIRED), schema = @Schema(example = "IND-03"))
        List<String> items,
        @Schema(description = "The OAuth client that acted, or null where the log does not name it", nullable = true,
                requiredMode = REQUIRED, example = "samr-reporter") String clientId,
        @Schema(description = "Who acted through the client: the person who logged in, or the client itself; null"
                + " where the log does not name it", nullable = true, requiredMode = REQUIRED,
                example = "samr-reporter") String actor,
        @Schema(description = "When the step was recorded", requiredMode = REQUIRED,
                example = "2025-10-12T01:15:00Z") Instant recordedAt) {
}
