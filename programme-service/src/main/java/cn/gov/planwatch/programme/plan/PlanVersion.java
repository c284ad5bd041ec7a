package cn.gov.planwatch.programme.plan;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

@Schema(description = "One published version of a plan.")
public record PlanVersion(
        @Schema(description = "The document's plan.version", requiredMode = REQUIRED, example = "1") int version,
        @Schema(description = "When this version was recorded: it is in force from then until the next one",
                requiredMode = REQUIRED, example = "2026-01-05T02:00:00Z") Instant publishedAt,
        @Schema(description = "The PlanPublished or PlanAmended event that recorded it", requiredMode = REQUIRED,
                example = "5d1c6a8e-2f0b-3c47-9a51-7e2d4b8c0f13") UUID eventId) {
}
