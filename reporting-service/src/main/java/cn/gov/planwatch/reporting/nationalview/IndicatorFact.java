package cn.gov.planwatch.reporting.nationalview;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One reported value as the national view knows it, with the event behind it.
 *
 * @param actor who acted through the client: the person who logged in, or the client itself
 */
@Schema(description = "One reported value of an indicator, with the event behind it / 指标的一次报送")
public record IndicatorFact(
        @Schema(requiredMode = REQUIRED) UUID eventId,
        @Schema(requiredMode = REQUIRED, example = "IND-01") String indicator,
        @Schema(description = "YYYY or YYYY-Qn", requiredMode = REQUIRED, example = "2024") String period,
        @Schema(requiredMode = REQUIRED, example = "11.8") BigDecimal value,
        @Schema(description = "The reporting agency's code", requiredMode = REQUIRED, example = "CNIPA") String agency,
        @Schema(description = "The OAuth client that made the request", requiredMode = REQUIRED,
                example = "cnipa-reporter") String clientId,
        @Schema(description = "Who acted through the client: the person who logged in, or the client itself",
                requiredMode = REQUIRED, example = "wang.fang") String actor,
        @Schema(description = "When the event was recorded in the log", requiredMode = REQUIRED,
                example = "2025-02-01T02:00:00Z") Instant recordedAt,
        @Schema(description = "1 for the first report of the period, 2 for its first revision, …",
                requiredMode = REQUIRED, example = "1") int revision) {
}
