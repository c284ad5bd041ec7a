package cn.gov.planwatch.platform.rebuild;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The refusal of a second rebuild while one runs: an RFC 9457 problem that carries the running rebuild's status. */
@Schema(description = "A rebuild of the read model is already running: an RFC 9457 problem with its status / "
        + "该读模型正在重建")
record RebuildRunningProblem(
        @Schema(example = "https://planwatch.cn/problems/rebuild-running", requiredMode = REQUIRED) String type,
        @Schema(example = "Rebuild running", requiredMode = REQUIRED) String title,
        @Schema(example = "409", requiredMode = REQUIRED) int status,
        @Schema(example = "A rebuild of observations is already running; follow it with GET.") String detail,
        @Schema(example = "/api/v1/ops/projections/observations/rebuild") String instance,
        @Schema(description = "The running rebuild", requiredMode = REQUIRED) RebuildStatus rebuild) {
}
