package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.cloudevents.CloudEventDeserializer;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.platform.problem.Problems;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Rebuilds the observations read model from offset 0 without downtime: the log is replayed into a fresh
 * schema while the live table keeps serving; then the live projector is paused, the fresh table catches
 * up to what the live one has applied, and one transaction moves the live table out and the fresh one in.
 * Readers see the old table or the new one, never neither. Events the live projector applies after the
 * swap may already be in the fresh table: the event-id key makes that a no-op.
 */
@Component
class ObservationRebuild {

    static final String PROJECTION = "observations";
    private static final int BATCH = 2000;
    private static final Logger log = LoggerFactory.getLogger(ObservationRebuild.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final TransactionTemplate transactions;
    private final KafkaListenerEndpointRegistry listeners;
    private final Clock clock;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> adminConfig;
    private final String liveSchema;
    private final String groupId;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle(PROJECTION));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "observations-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ObservationRebuild(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions,
            KafkaListenerEndpointRegistry listeners, Clock clock, ConsumerFactory<?, ?> consumerFactory,
            KafkaAdmin kafkaAdmin,
            @Value("${spring.flyway.default-schema}") String liveSchema,
            @Value("${spring.kafka.consumer.group-id}") String groupId) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.batchJdbc = new JdbcTemplate(dataSource);
        this.transactions = transactions;
        this.listeners = listeners;
        this.clock = clock;
        // Spring's own client settings (broker, security), so the replay connects as the service does.
        this.consumerConfig = new HashMap<>(consumerFactory.getConfigurationProperties());
        this.adminConfig = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        this.liveSchema = liveSchema;
        this.groupId = groupId;
    }

    RebuildStatus status() {
        return status.get();
    }

    /** Starts a rebuild in the background; a second one while the first runs is a conflict. */
    synchronized RebuildStatus start() {
        if (RebuildStatus.RUNNING.equals(status.get().state())) {
            throw Problems.conflict("rebuild-running", "Rebuild running", "A rebuild of " + PROJECTION
                    + " is already running; follow it with GET.");
        }
        status.set(new RebuildStatus(PROJECTION, RebuildStatus.RUNNING, 0, 0, 0, clock.instant(), null, null));
        worker.submit(this::run);
        return status.get();
    }

    private void run() {
        String fresh = liveSchema + "_rebuild_" + clock.millis();
        String retired = liveSchema + "_retired_" + clock.millis();
        try {
            Phases phases = new Phases();
            Flyway.configure().dataSource(dataSource).schemas(fresh).defaultSchema(fresh)
                    .locations("classpath:db/migration").load().migrate();
            phases.end("fresh schema");
            JdbcObservationStore store = JdbcObservationStore.inSchema(jdbc, fresh);
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDICATOR_EVENTS).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long target = end.values().stream().mapToLong(Long::longValue).sum();
                Counts counts = new Counts(target);
                // The bulk of the log, appended in batches and numbered once; the catch-up below folds the
                // few events that follow one by one, as the live projector does.
                PeriodRevisions revisions = new PeriodRevisions();
                try (BatchAppender appender = new BatchAppender()) {
                    replayUntil(consumer, end, counts, batch -> {
                        int[] numbers = revisions.number(batch); // in log order, on this thread
                        appender.submit(() -> appendAll(store, batch, numbers, revisions, counts));
                    });
                    appender.awaitLast();
                }
                status.updateAndGet(s -> s.progress(counts.applied.get(), counts.skipped.get(), counts.target));
                phases.end("replay");
                transactions.executeWithoutResult(tx -> {
                    if (revisions.exact) {
                        store.markCurrent(revisions.newest.values());
                    } else {
                        store.numberRevisions();
                    }
                });
                phases.end(revisions.exact ? "current flags" : "revisions renumbered");

                MessageListenerContainer live = listeners.getListenerContainer(ObservationProjector.LISTENER);
                live.pause();
                try {
                    awaitPaused(live);
                    phases.end("pause live projector");
                    replayUntil(consumer, committedOffsets(partitions), counts, batch -> apply(store, batch, counts));
                    phases.end("catch-up");
                    swap(fresh, retired);
                    phases.end("swap");
                    // The rebuilt model serves from the swap on: resuming the live projector, closing the replay's
                    // consumer and dropping the retired table are clean-up.
                    status.updateAndGet(s -> s.finished(RebuildStatus.SWAPPED, clock.instant(), null));
                } finally {
                    live.resume();
                }
            }
            log.info("rebuilt {}: {} events applied, {} skipped; {}", PROJECTION, status.get().applied(),
                    status.get().skipped(), phases);
            try {
                jdbc.sql("drop schema if exists " + retired + " cascade").update();
                jdbc.sql("drop schema if exists " + fresh + " cascade").update();
            } catch (RuntimeException e) {
                log.warn("rebuild of {} swapped in; dropping schemas {} and {} failed, drop them by hand",
                        PROJECTION, retired, fresh, e);
            }
        } catch (RuntimeException e) {
            log.error("rebuild of {} failed; the live read model is untouched", PROJECTION, e);
            jdbc.sql("drop schema if exists " + fresh + " cascade").update();
            status.updateAndGet(s -> s.finished(RebuildStatus.FAILED, clock.instant(), e.getMessage()));
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        // Assigned partitions, no group: the replay never commits for the live projector's group.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void replayUntil(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> until, Counts counts,
            Consumer<List<ObservationReported>> fold) {
        CloudEventDeserializer events = new CloudEventDeserializer();
        while (until.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            List<ObservationReported> batch = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                try {
                    PlanEvent event = events.deserialize(record.topic(), record.headers(), record.value());
                    if (event instanceof ObservationReported reported) {
                        batch.add(reported);
                    }
                } catch (RuntimeException unreadable) {
                    counts.skipped.incrementAndGet(); // the live projector dead-lettered it too
                }
            }
            fold.accept(batch);
            status.updateAndGet(s -> s.progress(counts.applied.get(), counts.skipped.get(), counts.target));
        }
    }

    /** Appends a batch in one transaction; a batch that fails is appended record by record to isolate the bad one. */
    private void appendAll(JdbcObservationStore store, List<ObservationReported> batch, int[] numbers,
            PeriodRevisions revisions, Counts counts) {
        try {
            int added = transactions.execute(tx -> store.appendAll(batchJdbc, batch, numbers));
            revisions.exact &= added == batch.size();
            counts.applied.addAndGet(batch.size());
        } catch (RuntimeException batchFailed) {
            revisions.exact = false;
            for (int i = 0; i < batch.size(); i++) {
                List<ObservationReported> one = List.of(batch.get(i));
                int[] number = {numbers[i]};
                try {
                    transactions.executeWithoutResult(tx -> store.appendAll(batchJdbc, one, number));
                    counts.applied.incrementAndGet();
                } catch (RuntimeException eventFailed) {
                    counts.skipped.incrementAndGet();
                }
            }
        }
    }

    /**
     * Appends batches on a thread of its own, one at a time, while the next batch is read and decoded: the broker and
     * JSON on one core, PostgreSQL on the other, instead of taking turns. At most one batch waits, so memory stays at
     * two batches; a failure surfaces at the next submit or at {@link #awaitLast()}.
     */
    private static final class BatchAppender implements AutoCloseable {
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "observations-rebuild-append");
            t.setDaemon(true);
            return t;
        });
        private Future<?> last = CompletableFuture.completedFuture(null);

        void submit(Runnable append) {
            awaitLast();
            last = thread.submit(append);
        }

        void awaitLast() {
            try {
                last.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while appending", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    /**
     * Counts the reports of each period of a plan's indicator in log order while the log is appended, as the live
     * projector's revisions do. Exact as long as every event appended was new; a redelivered or unreadable one makes
     * the rebuild renumber the table.
     */
    private static final class PeriodRevisions {
        final Map<String, Integer> count = new HashMap<>();
        final Map<String, UUID> newest = new HashMap<>();
        volatile boolean exact = true;

        int[] number(List<ObservationReported> batch) {
            int[] numbers = new int[batch.size()];
            for (int i = 0; i < numbers.length; i++) {
                ObservationReported e = batch.get(i);
                String period = e.plan() + '\u0000' + e.indicator() + '\u0000' + e.period();
                numbers[i] = count.merge(period, 1, Integer::sum);
                newest.put(period, e.eventId());
            }
            return numbers;
        }
    }

    /** One transaction per batch; a batch that fails is applied record by record to isolate the bad one. */
    private void apply(JdbcObservationStore store, List<ObservationReported> batch, Counts counts) {
        try {
            transactions.executeWithoutResult(tx -> batch.forEach(store::apply));
            counts.applied.addAndGet(batch.size());
        } catch (RuntimeException batchFailed) {
            for (ObservationReported event : batch) {
                try {
                    transactions.executeWithoutResult(tx -> store.apply(event));
                    counts.applied.incrementAndGet();
                } catch (RuntimeException eventFailed) {
                    counts.skipped.incrementAndGet();
                }
            }
        }
    }

    private Map<TopicPartition, Long> committedOffsets(List<TopicPartition> partitions) {
        try (Admin admin = Admin.create(adminConfig)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> until = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                until.put(partition, offset == null ? 0L : offset.offset());
            }
            return until;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the live projector's committed offsets", e);
        }
    }

    private static void awaitPaused(MessageListenerContainer live) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!live.isContainerPaused()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the live projector did not pause within 60 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Moves the live table out and the fresh one in, in one transaction. */
    private void swap(String fresh, String retired) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("create schema " + retired).update();
            jdbc.sql("alter table " + liveSchema + ".observation set schema " + retired).update();
            jdbc.sql("alter table " + fresh + ".observation set schema " + liveSchema).update();
        });
    }

    /** Where a rebuild's time went, for its log line. */
    private static final class Phases {
        private final StringBuilder done = new StringBuilder();
        private long since = System.nanoTime();

        void end(String phase) {
            long now = System.nanoTime();
            done.append(done.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - since) / 1_000_000)
                    .append(" ms");
            since = now;
        }

        @Override
        public String toString() {
            return done.toString();
        }
    }

    /** Written by the replay and the appender threads, read for the status. */
    private static final class Counts {
        final long target;
        final AtomicLong applied = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();

        Counts(long target) {
            this.target = target;
        }
    }
}
