package cn.gov.planwatch.programme;

import cn.gov.planwatch.contracts.EventTypes;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static cn.gov.planwatch.programme.ApiAnswers.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service's projectors stop mid-way (both listener containers stopped through the registry — the
 * consumers leave the group and keep only their committed offsets, as in a restart of the process),
 * events arrive meanwhile, one of them twice; once started again every event is applied exactly once.
 */
@Import(SettableClock.Configuration.class)
class ProjectionRestartIT extends ServiceFixture {

    private static final List<String> LISTENERS = List.of("programme-progress", "programme-quarterly-updates");
    private static final Instant T = Instant.parse("2023-04-10T02:00:00Z");

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Test
    void eventsArrivingWhileStoppedAreAppliedOnceAfterTheRestart() throws Exception {
        for (String id : LISTENERS) {
            MessageListenerContainer container = listeners.getListenerContainer(id);
            container.stop();
            assertThat(container.isRunning()).as(id).isFalse();
        }

        List<ProgressReported> reports = List.of(report(T, "起步", 10), report(T.plusSeconds(60), "推进", 20),
                report(T.plusSeconds(120), "完成培训", 30));
        QuarterlyUpdateSubmitted submitted = new QuarterlyUpdateSubmitted(UUID.randomUUID(), "ip-2021-2025", "COD", "2023-Q1",
                "cod-reporter", null, T.plusSeconds(200));
        QuarterlyUpdateReturned returned = new QuarterlyUpdateReturned(UUID.randomUUID(), "ip-2021-2025", "COD", "2023-Q1", "CNIPA",
                "请补充培训人数", List.of("ip-education"), "cnipa-lead", null, T.plusSeconds(300));
        QuarterlyUpdateSubmitted resubmitted = new QuarterlyUpdateSubmitted(UUID.randomUUID(), "ip-2021-2025", "COD", "2023-Q1",
                "cod-reporter", null, T.plusSeconds(400));
        QuarterlyUpdateAccepted accepted = new QuarterlyUpdateAccepted(UUID.randomUUID(), "ip-2021-2025", "COD", "2023-Q1", "CNIPA",
                "cnipa-lead", null, T.plusSeconds(500));
        // The second report and the return are delivered twice, as a producer retry would.
        for (PlanEvent event : List.of(reports.get(0), reports.get(1), reports.get(1), reports.get(2), submitted,
                returned, returned, resubmitted, accepted)) {
            kafka.send(EventTypes.writtenFor(event).topic(), event.partitionKey(), event).get();
        }
        assertThat(count("progress_report where agency = 'COD'")).as("nothing applied while stopped").isZero();

        LISTENERS.forEach(id -> listeners.getListenerContainer(id).start());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("progress_report where agency = 'COD'")).isEqualTo(3);
            assertThat(count("quarterly_update_event where agency = 'COD'")).isEqualTo(4);
            assertThat(jdbc.sql("select state from programme.quarterly_update where agency = 'COD' and quarter = "
                    + "'2023-Q1'").query(String.class).single()).isEqualTo("ACCEPTED");
        });
        assertThat(jdbc.sql("select revision from programme.progress_report where agency = 'COD' order by seq")
                .query(Integer.class).list()).containsExactly(1, 2, 3);
        assertThat(jdbc.sql("select r.summary from programme.current_progress_report c"
                        + " join programme.progress_report r on r.event_id = c.event_id where c.agency = 'COD'")
                .query(String.class).single()).isEqualTo("完成培训");
        assertThat(jdbc.sql("select first_submitted_at from programme.quarterly_update where agency = 'COD'")
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(submitted.recordedAt());

        // The lock learnt from the log alone is enforced on writes.
        HttpCalls cod = http().withToken(TestTokens.shared().reporter("COD"));
        problem(cod.postJson("/api/v1/programmes/ip-education/progress",
                "{\"quarter\":\"2023-Q1\",\"status\":\"ON_TRACK\",\"percentComplete\":40}"), 409, null);
    }

    private static ProgressReported report(Instant at, String summary, int percent) {
        return new ProgressReported(UUID.randomUUID(), "ip-2021-2025", "ip-education", "2023-Q1", "COD", "cod-reporter", null,
                "ON_TRACK", percent, summary, null, List.of(new ProgressReported.MeasureStatus("cadre-training",
                        "ON_TRACK", "基层干部培训")), List.of(), at);
    }

    private long count(String from) {
        return jdbc.sql("select count(*) from programme." + from).query(Long.class).single();
    }
}
