package cn.gov.planwatch.planrules.input;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextRulesTest {

    @Test
    void acceptsChineseEmojiAndLineBreaks() {
        assertThatCode(() -> TextRules.requirePrintable("comment", "年末数据\n第二行\t😀 OK")).doesNotThrowAnyException();
        assertThatCode(() -> TextRules.requirePrintable("comment", null)).doesNotThrowAnyException();
    }

    @Test
    void refusesWhatCannotBeStoredOrShown() {
        for (String bad : new String[] {"a\u0000b", "bell\u0007", "\u009b", "\ud83d", "x\ude00"}) {
            assertThatThrownBy(() -> TextRules.requirePrintable("comment", bad))
                    .isInstanceOf(RefusedInputException.class).hasMessageContaining("comment");
        }
    }
}
