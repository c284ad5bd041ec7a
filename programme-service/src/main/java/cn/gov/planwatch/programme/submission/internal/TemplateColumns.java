package cn.gov.planwatch.programme.submission.internal;

import java.util.List;
import java.util.Optional;

/**
 * The columns of a submission file, with their bilingual headings ("中文 English"). A column is found by its heading,
 * by its English part alone, or by its key, so that a reporter's own sheet with English headings reads too. Columns
 * marked for information (names, units' and last values) are the template's help to the reporter and are not read
 * back, except the unit, which is read as the unit the value is in.
 */
enum TemplateColumns {

    KIND("kind", "类别", "Kind"),
    CODE("code", "代码", "Code"),
    NAME("name", "名称", "Name"),
    UNIT("unit", "单位", "Unit"),
    LAST_PERIOD("lastPeriod", "上次报告期", "Last period"),
    LAST_VALUE("lastValue", "上次数值", "Last value"),
    MILESTONE_CODES("milestoneCodes", "里程碑代码", "Milestone codes"),
    PERIOD("period", "报告期", "Period"),
    VALUE("value", "数值", "Value"),
    COMMENT("comment", "说明", "Comment"),
    SOURCE("source", "数据来源", "Source"),
    STATUS("status", "状态", "Status"),
    PERCENT_COMPLETE("percentComplete", "完成百分比", "Percent complete"),
    SUMMARY("summary", "进展情况", "Summary"),
    RISKS("risks", "风险", "Risks"),
    MILESTONES("milestones", "里程碑完成值", "Milestones");

    /** The observations sheet of a workbook. */
    static final List<TemplateColumns> OBSERVATIONS = List.of(CODE, NAME, UNIT, LAST_PERIOD, LAST_VALUE, PERIOD, VALUE,
            COMMENT, SOURCE);
    /** The progress sheet of a workbook. */
    static final List<TemplateColumns> PROGRESS = List.of(CODE, NAME, LAST_PERIOD, LAST_VALUE, MILESTONE_CODES, PERIOD,
            STATUS, PERCENT_COMPLETE, SUMMARY, RISKS, MILESTONES);
    /** A CSV file: both kinds of row, told apart by the kind column. */
    static final List<TemplateColumns> CSV = List.of(KIND, CODE, NAME, UNIT, LAST_PERIOD, LAST_VALUE,
            MILESTONE_CODES, PERIOD, VALUE, COMMENT, SOURCE, STATUS, PERCENT_COMPLETE, SUMMARY, RISKS, MILESTONES);

    final String key;
    final String zh;
    final String en;

    TemplateColumns(String key, String zh, String en) {
        this.key = key;
        this.zh = zh;
        this.en = en;
    }

    String heading() {
        return zh + " " + en;
    }

    /** The column a heading names, if any. */
    static Optional<TemplateColumns> headed(String heading) {
        String text = heading == null ? "" : heading.replace("\uFEFF", "").strip();
        for (TemplateColumns column : values()) {
            if (text.equalsIgnoreCase(column.heading()) || text.equalsIgnoreCase(column.en)
                    || text.equalsIgnoreCase(column.key) || text.equals(column.zh)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** Spreadsheet column letters: A … Z, AA …. */
    static String letters(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
