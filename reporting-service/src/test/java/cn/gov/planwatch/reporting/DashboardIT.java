package cn.gov.planwatch.reporting;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;

import static cn.gov.planwatch.reporting.ScriptedEvents.observation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's pages as the service renders them (the gateway relays the person's token as a bearer token).
 * Uses indicator IND-06.
 */
class DashboardIT extends ServiceFixture {

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Test
    void theLeadAgencySeesTheOverviewInChineseOrEnglishAndDrillsDownToTheEvents() {
        ObservationReported reported = new ScriptedEvents(kafka)
                .send(observation("IND-06", "CPD", "2022", "7.45", "2023-03-01T00:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from reporting.indicator_fact where event_id = ?").params(reported.eventId())
                .query(Long.class).single() == 1);
        HttpCalls anonymous = http();
        HttpCalls lead = anonymous.withToken(TestTokens.shared().lead());

        HttpResponse<String> zh = lead.get("/dashboard?lang=zh");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("text/html")
                .containsIgnoringCase("charset=UTF-8");
        assertThat(zh.body()).contains("国家规划实施总览", "版权产业增加值占 GDP 比重", "7.45 % (2022)",
                "/dashboard/provenance/indicator:IND-06?lang=zh", "data-chart=", "data-heatmap=",
                "/assets/webjars/echarts/dist/echarts.min.js", "逾期未报")
                .doesNotContain("<script>", "style=\"");
        assertThat(lead.get("/").body()).as("the root is the overview").contains("国家规划实施总览");
        // Everyone else lands on their own page, in the language they asked for.
        HttpResponse<String> reporterHome = anonymous.withToken(TestTokens.shared().reporter("SAMR")).get("/?lang=en");
        assertThat(reporterHome.statusCode()).isEqualTo(302);
        assertThat(reporterHome.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard/desk?lang=en");
        HttpResponse<String> operatorHome = anonymous.withToken(TestTokens.shared().operator()).get("/");
        assertThat(operatorHome.statusCode()).isEqualTo(302);
        assertThat(operatorHome.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard/ops");

        HttpResponse<String> en = lead.get("/dashboard?lang=en");
        assertThat(en.body()).contains("National plan overview", "Copyright industries", "Overdue",
                "lang=zh");

        HttpResponse<String> past = lead.get("/dashboard?lang=en&date=2023-01-31");
        assertThat(past.statusCode()).isEqualTo(200);
        assertThat(past.body()).contains("2023-01-31T16:00:00Z").doesNotContain("7.45 % (2022)");
        assertThat(lead.get("/dashboard?date=yesterday").statusCode()).isEqualTo(400);

        HttpResponse<String> provenance = lead.get("/dashboard/provenance/indicator:IND-06/2022?lang=zh");
        assertThat(provenance.statusCode()).isEqualTo(200);
        assertThat(provenance.body()).contains("数据来源", reported.eventId().toString(), "cpd-reporter", "7.45");
        assertThat(lead.get("/dashboard/provenance/indicator:IND-99").statusCode()).isEqualTo(404);

        // Scripts, styles and ECharts are public (they hold no data); the pages are the lead agency's.
        assertThat(anonymous.get("/assets/dashboard/dashboard.js").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/assets/dashboard/dashboard.css").statusCode()).isEqualTo(200);
        HttpResponse<String> echarts = anonymous.get("/assets/webjars/echarts/dist/echarts.min.js");
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body().length()).isGreaterThan(500_000);
        assertThat(anonymous.get("/dashboard").statusCode()).isEqualTo(401);
        HttpResponse<String> reporter = anonymous.withToken(TestTokens.shared().reporter("CNIPA")).get("/dashboard");
        assertThat(reporter.statusCode()).isEqualTo(403);
        assertThat(reporter.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
