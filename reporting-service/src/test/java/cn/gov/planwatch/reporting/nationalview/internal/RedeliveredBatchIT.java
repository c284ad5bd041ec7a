package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.testsupport.ServiceFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch is appended on the assumption that none of its events is in the view yet; a batch that holds one that is
 * (redelivered after a crash, or twice in the log) is appended skipping it, and numbered as if it had come once. Each
 * test uses a plan of its own that no plan event names.
 */
class RedeliveredBatchIT extends ServiceFixture {

    @Autowired
    NationalViewStore view;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void givenABatchFoldedWhenItIsRedeliveredWithMoreBehindItThenOnlyTheNewEventsAreAppendedNumberedAfterIt() {
        String plan = "ip-redelivered-batch";
        ObservationReported a1 = report(plan, "2023", "1");
        ObservationReported b1 = report(plan, "2024", "10");
        ObservationReported a2 = report(plan, "2023", "2");
        ObservationReported c1 = report(plan, "2025", "100");
        ObservationReported a3 = report(plan, "2023", "3");
        assertThat(fold(List.of(a1, b1))).containsExactlyInAnyOrder(a1.eventId(), b1.eventId());

        assertThat(fold(List.of(a1, b1, a2, c1, a3))).as("applied now")
                .containsExactlyInAnyOrder(a2.eventId(), c1.eventId(), a3.eventId());

        assertThat(revisions(plan)).containsExactly(
                Map.of("event_id", a1.eventId(), "period", "2023", "revision", 1),
                Map.of("event_id", a2.eventId(), "period", "2023", "revision", 2),
                Map.of("event_id", a3.eventId(), "period", "2023", "revision", 3),
                Map.of("event_id", b1.eventId(), "period", "2024", "revision", 1),
                Map.of("event_id", c1.eventId(), "period", "2025", "revision", 1));
        assertThat(current(plan)).as("each period's newest").containsExactly(
                Map.of("period", "2023", "event_id", a3.eventId(), "revision", 3, "value", new BigDecimal("3")),
                Map.of("period", "2024", "event_id", b1.eventId(), "revision", 1, "value", new BigDecimal("10")),
                Map.of("period", "2025", "event_id", c1.eventId(), "revision", 1, "value", new BigDecimal("100")));
    }

    @Test
    void givenAnEventTwiceInOneBatchWhenFoldedThenItIsAppendedOnceAndTheReportAfterItNumberedSecond() {
        String plan = "ip-event-twice-in-a-batch";
        ObservationReported first = report(plan, "2024", "7");
        ObservationReported second = report(plan, "2024", "8");

        assertThat(fold(List.of(first, first, second))).containsExactlyInAnyOrder(first.eventId(), second.eventId());

        assertThat(revisions(plan)).containsExactly(
                Map.of("event_id", first.eventId(), "period", "2024", "revision", 1),
                Map.of("event_id", second.eventId(), "period", "2024", "revision", 2));
        assertThat(current(plan)).containsExactly(
                Map.of("period", "2024", "event_id", second.eventId(), "revision", 2, "value", new BigDecimal("8")));
    }

    private List<UUID> fold(List<ObservationReported> batch) {
        return new TransactionTemplate(transactionManager).execute(t -> view.foldAll(batch));
    }

    private List<Map<String, Object>> revisions(String plan) {
        return jdbc.sql("select event_id, period, revision from reporting.indicator_fact where plan = ?"
                + " order by period, revision").params(plan).query().listOfRows();
    }

    private List<Map<String, Object>> current(String plan) {
        return jdbc.sql("select period, event_id, revision, value from reporting.current_indicator_fact"
                + " where plan = ? order by period").params(plan).query().listOfRows();
    }

    private static ObservationReported report(String plan, String period, String value) {
        return new ObservationReported(UUID.randomUUID(), plan, "IND-01", period, new BigDecimal(value), "重投测试",
                null, "CNIPA", "cnipa-reporter", null, Instant.parse("2025-03-01T00:00:00Z"), null, false);
    }
}
