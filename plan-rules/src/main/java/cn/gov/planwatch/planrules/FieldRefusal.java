package cn.gov.planwatch.planrules;

/**
 * One field's refusal, in both languages: {@code field} names it as the caller wrote it (a JSON path, or a
 * spreadsheet cell such as {@code Observations!D7}).
 */
public record FieldRefusal(String field, BilingualText message) {
}
