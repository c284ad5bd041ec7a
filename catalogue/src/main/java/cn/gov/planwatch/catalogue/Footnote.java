package cn.gov.planwatch.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A footnote marker from the plan's table. {@code on} is {@code name} or {@code baseline};
 * {@code text} is null where the source lost it.
 */
@Schema(description = "A footnote marker of the plan's table (注释); null where the indicator has none")
public record Footnote(
        @Schema(description = "The marker as the table prints it", example = "①", requiredMode = REQUIRED)
        String marker,
        @Schema(description = "What the marker is on: the indicator's name or its baseline",
                allowableValues = {"name", "baseline"}, example = "name", requiredMode = REQUIRED) String on,
        @Schema(description = "The footnote's text; null where the source lost it", example = "指每万人口本国居民拥有的经国家知识产权局授权的符合条件的有效发明专利数量",
                nullable = true, requiredMode = REQUIRED) String text) {
}
