package cn.gov.planwatch.planrules.input;

import cn.gov.planwatch.planrules.BilingualText;

/**
 * Free text a reporter sends must be storable and displayable everywhere it goes (PostgreSQL refuses
 * NUL; CSV and XLSX exports choke on other control characters): no C0/C1 controls except tab and line
 * breaks, no unpaired surrogates.
 */
public final class TextRules {

    public static void requirePrintable(String field, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
            boolean unpaired = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || unpaired) {
                throw RefusedInputException.malformed(field, BilingualText.of(
                        "contains a control character or broken Unicode at position " + i,
                        "第 " + i + " 个字符处含有控制字符或无效的 Unicode 编码"));
            }
        }
    }

    private TextRules() {
    }
}
