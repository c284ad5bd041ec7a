package cn.gov.planwatch.catalogue;

/**
 * A footnote marker from the plan's table. {@code on} is {@code name} or {@code baseline};
 * {@code text} is null where the source lost it.
 */
public record Footnote(String marker, String on, String text) {
}
