package cn.gov.planwatch.programme.submission.internal;

import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.FieldRefusal;
import cn.gov.planwatch.platform.input.InvalidInputException;
import cn.gov.planwatch.programme.progress.ProgressRequest;
import cn.gov.planwatch.programme.submission.BulkSubmission;
import cn.gov.planwatch.programme.submission.ReadSubmission;
import cn.gov.planwatch.programme.submission.TooManyRowsException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Submission files: the agency's template written as a workbook (a sheet per kind of report) or as one CSV file (a
 * {@code kind} column tells an indicator value from a progress report), and a filled-in file read back as the rows of
 * a submission. A row without a value (an indicator) or without a status (a programme) is one the reporter left empty:
 * it is not a report. Milestone values are written {@code code=value; code=value}; measures are for JSON submissions.
 */
public final class SubmissionFiles {

    public static final String CSV_VALUE = "text/csv";
    public static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final String OBSERVATIONS_SHEET = "指标 Indicators";
    static final String PROGRESS_SHEET = "进展 Progress";
    static final String CSV_SHEET = "CSV";
    static final String OBSERVATION_KIND = "observation";
    static final String PROGRESS_KIND = "progress";

    private SubmissionFiles() {
    }

    // ---------------------------------------------------------------- reading

    /** One row of a sheet, as text, numbered as the spreadsheet numbers it (the headings are row 1). */
    record Line(int number, List<String> cells) {

        String cell(Integer index) {
            return index == null || index >= cells.size() ? "" : cells.get(index).strip();
        }
    }

    /** A sheet: its name, where each known column is, and its rows below the headings. */
    record Table(String sheet, Map<TemplateColumns, Integer> columns, List<Line> lines) {

        static Table of(String sheet, List<String> headings, List<Line> lines) {
            Map<TemplateColumns, Integer> columns = new EnumMap<>(TemplateColumns.class);
            for (int c = 0; c < headings.size(); c++) {
                int index = c;
                TemplateColumns.headed(headings.get(c)).ifPresent(column -> columns.putIfAbsent(column, index));
            }
            return new Table(sheet, columns, lines);
        }

        String text(Line line, TemplateColumns column) {
            return line.cell(columns.get(column));
        }

        /** A cell's address as a spreadsheet writes it: {@code '指标 Indicators'!G5}, the row alone without the column. */
        String address(Line line, TemplateColumns column) {
            String sheetName = sheet.chars().allMatch(Character::isLetterOrDigit) ? sheet : "'" + sheet + "'";
            Integer index = column == null ? null : columns.get(column);
            return sheetName + "!" + (index == null ? "" : TemplateColumns.letters(index)) + line.number();
        }
    }

    /** Reads a filled-in file; more than {@code maxRows} reports is refused before the rest is read. */
    public static ReadSubmission read(String mediaType, byte[] body, int maxRows) {
        Rows rows = new Rows(maxRows);
        if (mediaType.equals(XLSX_VALUE)) {
            for (Table table : workbook(body)) {
                if (isSheet(table.sheet(), OBSERVATIONS_SHEET)) {
                    table.lines().forEach(line -> rows.observation(table, line));
                } else if (isSheet(table.sheet(), PROGRESS_SHEET)) {
                    table.lines().forEach(line -> rows.progress(table, line));
                }
            }
        } else {
            Table table = csv(body);
            for (Line line : table.lines()) {
                String kind = table.text(line, TemplateColumns.KIND);
                if (kind.equalsIgnoreCase(OBSERVATION_KIND) || kind.equals("指标")) {
                    rows.observation(table, line);
                } else if (kind.equalsIgnoreCase(PROGRESS_KIND) || kind.equals("进展")) {
                    rows.progress(table, line);
                } else if (!line.cells().stream().allMatch(String::isBlank)) {
                    rows.unreadable.add(new FieldRefusal(table.address(line, TemplateColumns.KIND), BilingualText.of(
                            "must be " + OBSERVATION_KIND + " or " + PROGRESS_KIND, "须为 " + OBSERVATION_KIND + "（指标）或 "
                                    + PROGRESS_KIND + "（进展）")));
                }
            }
        }
        return rows.read();
    }

    private static boolean isSheet(String name, String expected) {
        String[] parts = expected.split(" ");
        String text = name.strip();
        return text.equalsIgnoreCase(expected) || text.equals(parts[0]) || text.equalsIgnoreCase(parts[1]);
    }

    /** The rows of a submission as they are read, with where each came from. */
    private static final class Rows implements ReadSubmission.RowAddresses {

        private final int maxRows;
        private final List<BulkSubmission.ObservationRow> observations = new ArrayList<>();
        private final List<BulkSubmission.ProgressRow> progress = new ArrayList<>();
        private final List<Function<TemplateColumns, String>> observationCells = new ArrayList<>();
        private final List<Function<TemplateColumns, String>> progressCells = new ArrayList<>();
        private final List<FieldRefusal> unreadable = new ArrayList<>();
        private int count;

        Rows(int maxRows) {
            this.maxRows = maxRows;
        }

        void observation(Table table, Line line) {
            if (table.text(line, TemplateColumns.VALUE).isEmpty()) {
                return;
            }
            counted();
            BigDecimal value = number(table, line, TemplateColumns.VALUE);
            if (value == null) {
                return;
            }
            observations.add(new BulkSubmission.ObservationRow(table.text(line, TemplateColumns.CODE),
                    table.text(line, TemplateColumns.PERIOD), value, text(table, line, TemplateColumns.COMMENT),
                    text(table, line, TemplateColumns.SOURCE), text(table, line, TemplateColumns.UNIT)));
            observationCells.add(column -> table.address(line, column));
        }

        void progress(Table table, Line line) {
            if (table.text(line, TemplateColumns.STATUS).isEmpty()) {
                return;
            }
            counted();
            BigDecimal percent = number(table, line, TemplateColumns.PERCENT_COMPLETE);
            List<ProgressRequest.MilestoneEntry> milestones = milestones(table, line);
            if (percent == null || milestones == null) {
                return;
            }
            progress.add(new BulkSubmission.ProgressRow(table.text(line, TemplateColumns.CODE),
                    table.text(line, TemplateColumns.PERIOD), table.text(line, TemplateColumns.STATUS), percent,
                    text(table, line, TemplateColumns.SUMMARY), text(table, line, TemplateColumns.RISKS), List.of(),
                    milestones));
            progressCells.add(column -> table.address(line, column));
        }

        private void counted() {
            if (++count > maxRows) {
                throw new TooManyRowsException(maxRows);
            }
        }

        private BigDecimal number(Table table, Line line, TemplateColumns column) {
            String text = table.text(line, column);
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                unreadable.add(new FieldRefusal(table.address(line, column), BilingualText.of("must be a number",
                        "须为数字")));
                return null;
            }
        }

        /** {@code code=value; code=value}: empty is none. */
        private List<ProgressRequest.MilestoneEntry> milestones(Table table, Line line) {
            List<ProgressRequest.MilestoneEntry> milestones = new ArrayList<>();
            for (String entry : table.text(line, TemplateColumns.MILESTONES).split("[;；\\n]")) {
                if (entry.isBlank()) {
                    continue;
                }
                String[] parts = entry.split("=", 2);
                try {
                    milestones.add(new ProgressRequest.MilestoneEntry(parts[0].strip(),
                            new BigDecimal(parts[1].strip())));
                } catch (RuntimeException malformed) {
                    unreadable.add(new FieldRefusal(table.address(line, TemplateColumns.MILESTONES), BilingualText.of(
                            "must be code=value, separated by ';'", "格式须为“代码=数值”，以“;”分隔")));
                    return null;
                }
            }
            return milestones;
        }

        private static String text(Table table, Line line, TemplateColumns column) {
            String text = table.text(line, column);
            return text.isEmpty() ? null : text;
        }

        ReadSubmission read() {
            return new ReadSubmission(new BulkSubmission(observations, progress), this, unreadable);
        }

        @Override
        public String observation(int row, String field) {
            return observationCells.get(row).apply(observationColumn(field));
        }

        @Override
        public String progress(int row, String field) {
            return progressCells.get(row).apply(progressColumn(field));
        }

        private static TemplateColumns observationColumn(String field) {
            return switch (field) {
                case "indicator" -> TemplateColumns.CODE;
                case "period" -> TemplateColumns.PERIOD;
                case "value" -> TemplateColumns.VALUE;
                case "comment" -> TemplateColumns.COMMENT;
                case "source" -> TemplateColumns.SOURCE;
                case "unit" -> TemplateColumns.UNIT;
                default -> null;
            };
        }

        private static TemplateColumns progressColumn(String field) {
            if (field.startsWith("milestones")) {
                return TemplateColumns.MILESTONES;
            }
            return switch (field) {
                case "programme" -> TemplateColumns.CODE;
                case "quarter" -> TemplateColumns.PERIOD;
                case "status" -> TemplateColumns.STATUS;
                case "percentComplete" -> TemplateColumns.PERCENT_COMPLETE;
                case "summary" -> TemplateColumns.SUMMARY;
                case "risks" -> TemplateColumns.RISKS;
                default -> null;
            };
        }
    }

    private static List<Table> workbook(byte[] body) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            List<Table> tables = new ArrayList<>();
            for (Sheet sheet : workbook) {
                List<String> headings = List.of();
                List<Line> lines = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                    if (row.getRowNum() == sheet.getFirstRowNum()) {
                        headings = cells;
                    } else {
                        lines.add(new Line(row.getRowNum() + 1, cells));
                    }
                }
                tables.add(Table.of(sheet.getSheetName(), headings, lines));
            }
            return tables;
        } catch (IOException | RuntimeException unreadable) {
            throw InvalidInputException.malformed("body", BilingualText.of("is not an XLSX workbook that can be read",
                    "不是可读取的 XLSX 工作簿"));
        }
    }

    /** A cell as text: numbers in their shortest exact form, formulas by the value last calculated. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> NumberToTextConverter.toText(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    /** RFC 4180: fields separated by commas, quoted with double quotes where they hold commas, quotes or lines. */
    private static Table csv(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInputException.malformed("body", BilingualText.of("is not UTF-8 text", "不是 UTF-8 编码的文本"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw InvalidInputException.malformed("body", BilingualText.of("is not CSV: a quoted field is never closed",
                    "不是有效的 CSV：引号未闭合"));
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        if (records.isEmpty()) {
            return Table.of(CSV_SHEET, List.of(), List.of());
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            lines.add(new Line(r + 1, records.get(r)));
        }
        return Table.of(CSV_SHEET, records.get(0), lines);
    }

    // ---------------------------------------------------------------- writing

    /** The template as a workbook: a sheet per kind of report, headings in bold, numbers as numbers. */
    public static byte[] xlsx(SubmissionTemplate template) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle heading = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            sheet(workbook, OBSERVATIONS_SHEET, TemplateColumns.OBSERVATIONS, heading,
                    template.indicators().stream().map(SubmissionFiles::cells).toList());
            sheet(workbook, PROGRESS_SHEET, TemplateColumns.PROGRESS, heading,
                    template.programmes().stream().map(SubmissionFiles::cells).toList());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(XSSFWorkbook workbook, String name, List<TemplateColumns> columns, CellStyle heading,
            List<Map<TemplateColumns, Object>> lines) {
        Sheet sheet = workbook.createSheet(name);
        Row headings = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = headings.createCell(c);
            cell.setCellValue(columns.get(c).heading());
            cell.setCellStyle(heading);
            // Fixed widths: autosizing measures glyphs with AWT fonts, which a server may lack for Chinese.
            sheet.setColumnWidth(c, 20 * 256);
        }
        for (int r = 0; r < lines.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < columns.size(); c++) {
                Object value = lines.get(r).get(columns.get(c));
                Cell cell = row.createCell(c);
                if (value instanceof BigDecimal number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value != null) {
                    cell.setCellValue(value.toString());
                }
            }
        }
        sheet.createFreezePane(0, 1);
    }

    /** The template as one CSV file, UTF-8 with a byte order mark (so that Excel reads the Chinese as Chinese). */
    public static byte[] csv(SubmissionTemplate template) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, TemplateColumns.CSV.stream().map(TemplateColumns::heading).toList());
        for (SubmissionTemplate.IndicatorLine indicator : template.indicators()) {
            Map<TemplateColumns, Object> cells = cells(indicator);
            cells.put(TemplateColumns.KIND, OBSERVATION_KIND);
            line(csv, TemplateColumns.CSV.stream().map(column -> cells.get(column)).toList());
        }
        for (SubmissionTemplate.ProgrammeLine programme : template.programmes()) {
            Map<TemplateColumns, Object> cells = cells(programme);
            cells.put(TemplateColumns.KIND, PROGRESS_KIND);
            line(csv, TemplateColumns.CSV.stream().map(column -> cells.get(column)).toList());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object value = values.get(i);
            String text = value == null ? "" : value instanceof BigDecimal number ? number.toPlainString()
                    : value.toString();
            csv.append(text.matches("(?s).*[\",\\r\\n].*") ? '"' + text.replace("\"", "\"\"") + '"' : text);
        }
        csv.append("\r\n");
    }

    private static Map<TemplateColumns, Object> cells(SubmissionTemplate.IndicatorLine line) {
        Map<TemplateColumns, Object> cells = new EnumMap<>(TemplateColumns.class);
        cells.put(TemplateColumns.CODE, line.code());
        cells.put(TemplateColumns.NAME, line.name());
        cells.put(TemplateColumns.UNIT, line.unit());
        cells.put(TemplateColumns.LAST_PERIOD, line.lastPeriod());
        cells.put(TemplateColumns.LAST_VALUE, line.lastValue());
        cells.put(TemplateColumns.PERIOD, line.period());
        return cells;
    }

    private static Map<TemplateColumns, Object> cells(SubmissionTemplate.ProgrammeLine line) {
        Map<TemplateColumns, Object> cells = new EnumMap<>(TemplateColumns.class);
        cells.put(TemplateColumns.CODE, line.slug());
        cells.put(TemplateColumns.NAME, line.title());
        cells.put(TemplateColumns.LAST_PERIOD, line.lastQuarter());
        cells.put(TemplateColumns.LAST_VALUE, line.lastReport());
        cells.put(TemplateColumns.MILESTONE_CODES, line.milestoneCodes());
        cells.put(TemplateColumns.PERIOD, line.quarter());
        return cells;
    }
}
