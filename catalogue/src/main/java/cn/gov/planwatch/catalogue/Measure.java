package cn.gov.planwatch.catalogue;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** One measure of a programme; {@code leadAgency} and {@code agencies} are set only where the measure names its own. */
@Schema(description = "One measure of a programme (专栏举措)")
public record Measure(
        @Schema(description = "The measure's code, unique within its programme", example = "policy",
                requiredMode = REQUIRED) String code,
        @Schema(description = "Its Chinese title", example = "健全商业秘密保护政策", requiredMode = REQUIRED)
        String titleZh,
        @Schema(description = "Its English title", example = "Improve trade-secret protection policy",
                requiredMode = REQUIRED) String titleEn,
        @Schema(description = "The agency leading this measure where it names its own, else null", example = "MARA",
                nullable = true, requiredMode = REQUIRED) String leadAgency,
        @ArraySchema(arraySchema = @Schema(description = "The agencies of this measure where it names its own, else"
                + " empty", requiredMode = REQUIRED), schema = @Schema(example = "CNIPA")) List<String> agencies) {

    public Measure {
        agencies = Lists.copy(agencies);
    }
}
