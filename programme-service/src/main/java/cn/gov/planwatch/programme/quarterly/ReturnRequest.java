package cn.gov.planwatch.programme.quarterly;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The body of {@code POST /api/v1/quarterly-updates/{agency}/{quarter}/return}.
 *
 * @param items what to revise: indicator codes and programme slugs; optional
 */
@Schema(description = "Why the lead agency returns an update, and what to revise.")
public record ReturnRequest(
        @Schema(description = "Why the update is returned", requiredMode = REQUIRED,
                example = "请补充商业秘密保护工程第三季度的里程碑数据")
        @NotBlank @Size(max = 2000) String reason,
        @ArraySchema(arraySchema = @Schema(description = "What to revise: indicator codes and programme slugs of the"
                + " plan, each at most once; optional"), schema = @Schema(example = "IND-03"))
        @Size(max = 50) List<@NotNull @Size(max = 64) String> items) {
}
