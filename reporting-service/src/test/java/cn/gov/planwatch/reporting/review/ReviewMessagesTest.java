package cn.gov.planwatch.reporting.review;

import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The review pages say everything in both languages, and the Chinese survives the file's encoding. */
class ReviewMessagesTest {

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws Exception {
        Properties zh = load("review_zh.properties");
        Properties en = load("review_en.properties");
        assertThat(zh.keySet()).isEqualTo(en.keySet()).isNotEmpty();
        assertThat(zh.getProperty("review.queue.heading")).isEqualTo("待审核的季度更新");
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = ReviewMessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
