package cn.gov.planwatch.reporting.dashboard;

import cn.gov.planwatch.catalogue.progress.ProgressStatus;
import cn.gov.planwatch.planrules.compliance.ComplianceState;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Both languages say everything the pages ask for, and the Chinese survives the file's encoding. */
class DashboardMessagesTest {

    @Test
    void chineseAndEnglishHaveTheSameKeysAndEveryStatusHasAName() throws Exception {
        Properties zh = load("messages_zh.properties");
        Properties en = load("messages_en.properties");
        assertThat(zh.keySet()).isEqualTo(en.keySet());
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

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = DashboardMessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
