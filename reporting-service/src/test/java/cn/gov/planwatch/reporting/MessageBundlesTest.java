package cn.gov.planwatch.reporting;

import cn.gov.planwatch.catalogue.progress.ProgressStatus;
import cn.gov.planwatch.planrules.compliance.ComplianceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page's texts, in every bundle the service reads: both languages say everything, the Chinese survives the
 * files' encoding, and every text with a placeholder reads as a message format.
 */
class MessageBundlesTest {

    /** The bundles as the service is configured to read them, so a new one cannot be left out here. */
    static List<String> bundles() throws Exception {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/application.yaml")) {
            Matcher basename = Pattern.compile("(?m)^\\s+basename:\\s*(\\S+)\\s*$")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(basename.find()).as("spring.messages.basename in application.yaml").isTrue();
            return Stream.of(basename.group(1).split(",")).map(String::trim).toList();
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void chineseAndEnglishHaveTheSameKeysAndEachFormatsItsArguments(String bundle) throws Exception {
        Properties zh = load(bundle + "_zh.properties");
        Properties en = load(bundle + "_en.properties");
        assertThat(zh.keySet()).as(bundle).isEqualTo(en.keySet()).isNotEmpty();
        for (Properties texts : new Properties[] {zh, en}) {
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.contains("{0")) {
                    MessageFormat format = new MessageFormat(text, Locale.ROOT);
                    // a number where the text formats a number, a word elsewhere
                    Object[] arguments = Stream.of(format.getFormatsByArgumentIndex())
                            .map(argument -> argument instanceof java.text.NumberFormat ? (Object) 7 : "X").toArray();
                    assertThat(format.format(arguments)).as(bundle + ": " + key).containsAnyOf("X", "7").doesNotContain("{0");
                }
            }
        }
    }

    @Test
    void theBundlesAreTheDashboardsTheDesksAndTheReviews() throws Exception {
        assertThat(bundles()).contains("messages", "desk", "review");
    }

    @Test
    void everyStatusAndStateHasAName() throws Exception {
        Properties zh = load("messages_zh.properties");
        for (ProgressStatus status : ProgressStatus.values()) {
            assertThat(zh).containsKey("status." + status);
        }
        for (String status : new String[] {"NOT_STARTED", "ON_TRACK", "AT_RISK", "DELAYED", "COMPLETED",
                "NOT_REPORTED"}) {
            assertThat(zh).containsKey("status." + status);
        }
        for (ComplianceState state : ComplianceState.values()) {
            assertThat(zh).containsKey("state." + state);
        }
        assertThat(zh.getProperty("state.OVERDUE")).isEqualTo("逾期未报");
    }

    @Test
    void theChineseAndTheFormatsReadAsWritten() throws Exception {
        assertThat(load("desk_zh.properties").getProperty("desk.returned.heading")).isEqualTo("牵头部门已退回：{0}");
        assertThat(load("review_zh.properties").getProperty("review.queue.heading")).isEqualTo("待审核的季度更新");
        assertThat(new MessageFormat(load("desk_en.properties").getProperty("desk.indicators.owed"), Locale.ROOT)
                .format(new Object[] {"2025"})).isEqualTo("Owed with this quarter's update (the value for 2025)");
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
