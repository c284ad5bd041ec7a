package cn.gov.planwatch.programme.agency;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An agency as the agency list shows it: the catalogue's fields of the first plan that named it, and every plan that
 * names it.
 */
@Schema(description = "A ministry or agency that leads or shares work under one or more plans (部门)")
public record ListedAgency(
        @Schema(description = "The agency's code, as tokens carry it", example = "CNIPA",
                requiredMode = REQUIRED) String code,
        @Schema(description = "Its Chinese name, as the first plan naming it gives it", example = "国家知识产权局",
                requiredMode = REQUIRED) String nameZh,
        @Schema(description = "Its English name, as the first plan naming it gives it",
                example = "China National Intellectual Property Administration", requiredMode = REQUIRED)
        String nameEn,
        @Schema(description = "A remark of the first plan naming it on the agency, or null",
                example = "原文截断为“教育”，按教育部理解", nullable = true, requiredMode = REQUIRED) String note,
        @ArraySchema(arraySchema = @Schema(description = "The plans that name the agency, in the list's order of"
                + " plans: the shipped plan first, then by publication", requiredMode = REQUIRED),
                schema = @Schema(example = "ip-2021-2025")) List<String> plans) {

    public ListedAgency {
        plans = List.copyOf(plans);
    }
}
