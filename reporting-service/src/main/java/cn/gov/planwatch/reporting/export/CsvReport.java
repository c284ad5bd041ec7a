package cn.gov.planwatch.reporting.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as one RFC 4180 CSV file: a section per table, each a title line, a heading line and its rows,
 * sections separated by an empty line. UTF-8 with a byte-order mark, which Excel needs to read it as UTF-8.
 */
final class CsvReport {

    private static final String BOM = "\uFEFF";
    private static final String LINE = "\r\n";

    static byte[] write(TabularReport report) {
        StringBuilder csv = new StringBuilder(BOM);
        boolean first = true;
        for (QuarterlyReport.Table table : report.tables()) {
            if (!first) {
                csv.append(LINE);
            }
            first = false;
            csv.append(line(List.of(table.titleZh() + " " + table.titleEn())));
            csv.append(line(List.copyOf(table.headers())));
            table.rows().forEach(row -> csv.append(line(row)));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(List<?> cells) {
        return cells.stream().map(CsvReport::field).collect(Collectors.joining(",")) + LINE;
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String raw = value.toString();
        String text = SpreadsheetText.inert(raw);
        // OWASP also asks for the neutralised cell to be quoted, so no reader splits it before the apostrophe.
        boolean quote = !text.equals(raw) || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.startsWith(" ") || text.endsWith(" ");
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private CsvReport() {
    }
}
