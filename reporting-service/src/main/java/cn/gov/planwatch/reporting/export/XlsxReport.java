package cn.gov.planwatch.reporting.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/** The report as an Excel workbook: one sheet per table, numbers as numeric cells, headings in bold. */
final class XlsxReport {

    static byte[] write(TabularReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle heading = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            for (QuarterlyReport.Table table : report.tables()) {
                Sheet sheet = workbook.createSheet(table.titleZh() + " " + table.titleEn());
                Row headings = sheet.createRow(0);
                List<String> headers = table.headers();
                for (int c = 0; c < headers.size(); c++) {
                    Cell cell = headings.createCell(c);
                    cell.setCellValue(SpreadsheetText.inert(headers.get(c)));
                    cell.setCellStyle(heading);
                    // Fixed widths: autosizing measures glyphs with AWT fonts, which a server may lack for Chinese.
                    sheet.setColumnWidth(c, 22 * 256);
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> values = table.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        set(row.createCell(c), values.get(c));
                    }
                }
                sheet.createFreezePane(0, 1);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(Cell cell, Object value) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof BigDecimal decimal) {
            cell.setCellValue(decimal.doubleValue());
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag);
        } else {
            cell.setCellValue(SpreadsheetText.inert(value.toString()));
        }
    }

    private XlsxReport() {
    }
}
