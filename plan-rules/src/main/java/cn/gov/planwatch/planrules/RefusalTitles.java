package cn.gov.planwatch.planrules;

/** The titles of the problem types several rules share, in both languages. */
public final class RefusalTitles {

    public static final BilingualText INVALID_REQUEST = BilingualText.of("Invalid request", "请求无效");
    public static final BilingualText IMPLAUSIBLE_VALUE = BilingualText.of("Implausible value", "数值不合理");
    public static final BilingualText NOT_FOUND = BilingualText.of("Not found", "未找到");
    public static final BilingualText FORBIDDEN = BilingualText.of("Forbidden", "无权操作");

    private RefusalTitles() {
    }
}
