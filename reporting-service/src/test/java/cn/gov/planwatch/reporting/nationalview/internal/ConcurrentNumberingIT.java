package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.testsupport.ServiceFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two writers folding reports of one indicator period at once — a consumer that lost its partition and does not know
 * it yet, and the one that got it — cannot both number the same revision: the second fails, and folded again (as the
 * error handler does) numbers its report after the first's. Uses plan {@code ip-concurrent-numbering}, which no plan
 * event names: indicator IND-01, period 2024.
 */
class ConcurrentNumberingIT extends ServiceFixture {

    private static final String PLAN = "ip-concurrent-numbering";

    @Autowired
    NationalViewStore view;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theSecondWriterOfAPeriodFailsAndFoldedAgainNumbersItsReportAfterTheFirsts() throws Exception {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        ObservationReported before = report("5", "2025-01-01T00:00:00Z");
        ObservationReported first = report("10", "2025-01-02T00:00:00Z");
        ObservationReported second = report("20", "2025-01-03T00:00:00Z");
        transactions.executeWithoutResult(t -> view.foldAll(List.of(before)));

        CountDownLatch firstFolded = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> firstWriter = CompletableFuture.runAsync(
                    () -> transactions.executeWithoutResult(t -> {
                        view.foldAll(List.of(first));
                        firstFolded.countDown();
                        awaitLatch(firstMayCommit);
                    }), writers);
            assertThat(firstFolded.await(30, TimeUnit.SECONDS)).isTrue();
            // The second writer numbers its report after revision 1 as well, then waits for the first's pointer.
            CompletableFuture<Void> secondWriter = CompletableFuture.runAsync(
                    () -> transactions.executeWithoutResult(t -> view.foldAll(List.of(second))), writers);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and query like '%current_indicator_fact%'").query(Long.class)
                    .single() > 0);
            firstMayCommit.countDown();
            firstWriter.get(30, TimeUnit.SECONDS);

            assertThat(secondWriter).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                    .withRootCauseInstanceOf(ConcurrencyFailureException.class);
        } finally {
            // A step that failed before the first writer was let go must not leave its transaction open.
            firstMayCommit.countDown();
            writers.shutdown();
        }
        assertThat(revisions()).as("nothing of the second writer's").containsExactly(
                Map.of("event_id", before.eventId(), "revision", 1),
                Map.of("event_id", first.eventId(), "revision", 2));

        List<UUID> foldedAgain = transactions.execute(t -> view.foldAll(List.of(second)));
        assertThat(foldedAgain).containsExactly(second.eventId());
        assertThat(revisions()).as("folded again, after the first's").containsExactly(
                Map.of("event_id", before.eventId(), "revision", 1),
                Map.of("event_id", first.eventId(), "revision", 2),
                Map.of("event_id", second.eventId(), "revision", 3));
        assertThat(jdbc.sql("select event_id, revision, value from reporting.current_indicator_fact where plan = ?")
                .params(PLAN).query().listOfRows()).as("the period's current report")
                .containsExactly(Map.of("event_id", second.eventId(), "revision", 3, "value", new BigDecimal("20")));
    }

    private List<Map<String, Object>> revisions() {
        return jdbc.sql("select event_id, revision from reporting.indicator_fact where plan = ? order by revision")
                .params(PLAN).query().listOfRows();
    }

    private static ObservationReported report(String value, String recordedAt) {
        return new ObservationReported(UUID.randomUUID(), PLAN, "IND-01", "2024", new BigDecimal(value), "并发测试",
                null, "CNIPA", "cnipa-reporter", null, Instant.parse(recordedAt), null, false);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
