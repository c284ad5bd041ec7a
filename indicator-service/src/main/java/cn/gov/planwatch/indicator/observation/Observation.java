package cn.gov.planwatch.indicator.observation;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One report as the read model keeps it: the period it describes, the instant it was recorded, and
 * whether it is still the current value of its period ({@code false} once a revision supersedes it).
 */
@Schema(description = "One report of an indicator's value, as recorded in the event log / 一次指标数值报送（以事件日志为准）")
public record Observation(
        @Schema(description = "The id of the event that recorded the report; every figure derived from it names it",
                example = "0193a4c2-7d1e-7b3a-9f2e-5c8d1a2b3c4d", requiredMode = REQUIRED) UUID eventId,
        @Schema(description = "The indicator's code", example = "IND-01", requiredMode = REQUIRED) String indicator,
        @Schema(description = "Code of the agency that reported it", example = "CNIPA",
                requiredMode = REQUIRED) String agency,
        @Schema(description = "The period the value describes: YYYY, or YYYY-Qn for a quarterly indicator",
                example = "2023", requiredMode = REQUIRED) String period,
        @Schema(description = "The value, in the indicator's unit", example = "11.8",
                requiredMode = REQUIRED) BigDecimal value,
        @Schema(description = "The reporter's comment; null where none was given", example = "年末数据",
                nullable = true, requiredMode = REQUIRED) String comment,
        @Schema(description = "Where the value comes from; null where none was given",
                example = "国家知识产权局统计年报", nullable = true, requiredMode = REQUIRED) String source,
        @Schema(description = "Code of the unit the value is in (the indicator's unit when it was reported); null "
                + "for reports recorded before units were recorded", example = "patents", nullable = true,
                requiredMode = REQUIRED) String unit,
        @Schema(description = "When the report was recorded", example = "2024-01-15T08:30:00Z",
                requiredMode = REQUIRED) Instant recordedAt,
        @Schema(description = "1 for the first report of the period, 2 for its first revision, and so on",
                example = "1", minimum = "1", requiredMode = REQUIRED) int revision,
        @Schema(description = "Whether it is the period's current value: false once a revision supersedes it",
                example = "true", requiredMode = REQUIRED) boolean current) {
}
