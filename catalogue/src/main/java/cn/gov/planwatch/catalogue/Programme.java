package cn.gov.planwatch.catalogue;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Optional;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** A programme box (专栏). Identified by its slug: the plan numbers two boxes "10". */
@Schema(description = "A programme box (专栏) of the plan as the catalogue defines it")
public record Programme(
        @Schema(description = "The programme's identifier in paths (box numbers are not unique)",
                example = "trade-secrets", requiredMode = REQUIRED) String slug,
        @Schema(description = "The number of its box in the plan's text", example = "1", requiredMode = REQUIRED)
        int box,
        @Schema(description = "Its Chinese title", example = "商业秘密保护工程", requiredMode = REQUIRED) String titleZh,
        @Schema(description = "Its English title", example = "Trade-secret protection", requiredMode = REQUIRED)
        String titleEn,
        @Schema(description = "The code of the agency that leads it", example = "SAMR", requiredMode = REQUIRED)
        String leadAgency,
        @ArraySchema(arraySchema = @Schema(description = "The codes of the agencies that take part",
                requiredMode = REQUIRED), schema = @Schema(example = "SPC")) List<String> participatingAgencies,
        @ArraySchema(arraySchema = @Schema(description = "Its measures, in catalogue order", requiredMode = REQUIRED))
        List<Measure> measures,
        @ArraySchema(arraySchema = @Schema(description = "Its quantified milestones, in catalogue order",
                requiredMode = REQUIRED)) List<Milestone> milestones) {

    public Programme {
        participatingAgencies = Lists.copy(participatingAgencies);
        measures = Lists.copy(measures);
        milestones = Lists.copy(milestones);
    }

    /** Whether the agency leads or participates in this programme. */
    public boolean involves(String agencyCode) {
        return agencyCode != null && (agencyCode.equals(leadAgency) || participatingAgencies.contains(agencyCode));
    }

    public Optional<Measure> measure(String code) {
        return measures.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    public Optional<Milestone> milestone(String code) {
        return milestones.stream().filter(m -> m.code().equals(code)).findFirst();
    }
}
