package cn.gov.planwatch.reporting.export;

/**
 * Text a spreadsheet would take for a formula, made inert the way OWASP's "CSV Injection" page describes: a cell
 * whose text starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so Excel, WPS and
 * LibreOffice show it as text instead of evaluating it. Catalogue names, comments and summaries are typed by
 * people, and a report is opened by others. Numbers are never passed here: they stay numbers.
 */
final class SpreadsheetText {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** The text as it may safely stand in a cell. */
    static String inert(String text) {
        return startsLikeFormula(text) ? "'" + text : text;
    }

    static boolean startsLikeFormula(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    private SpreadsheetText() {
    }
}
