package cn.gov.planwatch.reporting.ops;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** {@code GET /api/v1/ops/dead-letters}: newest first. */
@Schema(description = "One page of dead letters, newest first / 一页死信（最新在前）")
public record DeadLetterPage(
        @Schema(description = "How many dead letters there are in all", requiredMode = REQUIRED, example = "3")
        long total,
        @Schema(requiredMode = REQUIRED, example = "50") int limit,
        @Schema(requiredMode = REQUIRED, example = "0") int offset,
        @Schema(requiredMode = REQUIRED) List<DeadLetterView> items) {
}
