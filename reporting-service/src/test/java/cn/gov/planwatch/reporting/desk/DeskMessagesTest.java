package cn.gov.planwatch.reporting.desk;

import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The desk says everything in both languages, and every text with a placeholder reads as a message format. */
class DeskMessagesTest {

    @Test
    void chineseAndEnglishHaveTheSameKeysAndEachFormatsItsArguments() throws Exception {
        Properties zh = load("desk_zh.properties");
        Properties en = load("desk_en.properties");
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        assertThat(zh.getProperty("desk.returned.heading")).isEqualTo("牵头部门已退回：{0}");
        for (Properties texts : new Properties[] {zh, en}) {
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.contains("{0}")) {
                    assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {"X", "Y", "Z"}))
                            .as(key).contains("X").doesNotContain("{0}");
                }
            }
        }
        assertThat(new MessageFormat(en.getProperty("desk.indicators.owed"), Locale.ROOT).format(new Object[] {"2025"}))
                .isEqualTo("Owed with this quarter's update (the value for 2025)");
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = DeskMessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
