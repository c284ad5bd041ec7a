package cn.gov.planwatch.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** A ministry or agency that leads or shares work under the plan; {@code note} may be null. */
@Schema(description = "A ministry or agency that leads or shares work under the plan (部门)")
public record Agency(
        @Schema(description = "The agency's code in the catalogue, as tokens carry it", example = "CNIPA",
                requiredMode = REQUIRED) String code,
        @Schema(description = "Its Chinese name", example = "国家知识产权局", requiredMode = REQUIRED) String nameZh,
        @Schema(description = "Its English name", example = "China National Intellectual Property Administration",
                requiredMode = REQUIRED) String nameEn,
        @Schema(description = "A remark of the catalogue on the agency, or null", example = "原文截断为“教育”，按教育部理解",
                nullable = true, requiredMode = REQUIRED) String note) {
}
