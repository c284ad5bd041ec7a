package cn.gov.planwatch.platform.rebuild;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a projection's tables are: the live ones that serve, or the fresh copies a rebuild fills beside them in the
 * same schema. A projection's store names its tables through this, so the one apply fills either.
 */
public record ProjectionTables(String schema, String suffix) {

    static final String FRESH_SUFFIX = "_rebuild";

    public static ProjectionTables live(String schema) {
        return new ProjectionTables(schema, "");
    }

    static ProjectionTables fresh(String schema) {
        return new ProjectionTables(schema, FRESH_SUFFIX);
    }

    /** The qualified name of one of the projection's tables, e.g. {@code indicator.observation}. */
    public String of(String table) {
        return schema + "." + table + suffix;
    }

    /**
     * The statement with each of the named tables, written qualified with the live name ({@code reporting.dead_letter}),
     * naming the table here instead: for a store whose statements name their tables inline.
     */
    public String in(String sql, List<String> tables) {
        if (suffix.isEmpty()) {
            return sql;
        }
        String names = String.join("|", tables.stream().map(Pattern::quote).toList());
        return Pattern.compile("\\b" + Pattern.quote(schema) + "\\.(" + names + ")\\b").matcher(sql)
                .replaceAll(match -> Matcher.quoteReplacement(of(match.group(1))));
    }
}
