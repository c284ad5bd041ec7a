package cn.gov.planwatch.catalogue;

/**
 * The plan a catalogue describes. {@code version} is the version of this plan's data, a positive integer
 * that each amendment raises; it is distinct from the catalogue's format version.
 */
public record Plan(String id, int version, String titleZh, String titleEn,
                   int firstYear, int targetYear, String leadAgency) {
}
