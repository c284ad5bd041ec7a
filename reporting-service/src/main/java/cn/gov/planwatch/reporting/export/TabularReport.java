package cn.gov.planwatch.reporting.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A report that can also be downloaded as a file: the message converters of this package write it as CSV (one
 * section per table) or XLSX (one sheet per table) when the caller asks for {@code text/csv} or the XLSX type.
 */
public interface TabularReport {

    String CSV = "text/csv";
    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The download's name without its extension, e.g. {@code planwatch-2025-Q3}. */
    String fileName();

    /** The report's tables, in file order, with bilingual titles and headings. */
    List<QuarterlyReport.Table> tables();

    /** A row of a table: it may hold nulls (List.of may not); instants as ISO-8601 text. */
    static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell instanceof Instant instant ? instant.toString() : cell);
        }
        return row;
    }
}
