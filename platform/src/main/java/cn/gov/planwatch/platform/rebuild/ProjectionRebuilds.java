package cn.gov.planwatch.platform.rebuild;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.eventlog.ProjectionBatches;
import cn.gov.planwatch.platform.problem.DatabaseOutage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Rebuilds a service's read models from offset 0 without downtime, correct with any number of instances and without
 * talking to them:
 * <ol>
 * <li>one instance runs a projection's rebuild: it holds a PostgreSQL advisory lock on a key of the projection's
 * name; a second request, on any instance, is refused with the running rebuild's status;</li>
 * <li>the log is replayed into fresh copies of the projection's tables while the live ones serve;</li>
 * <li>in one transaction that takes {@code LOCK TABLE … IN EXCLUSIVE MODE} on the live tables — every instance's
 * projector waits at its next write, readers keep reading — the replay catches up to the log's end offsets read under
 * the lock, and the live tables' contents are replaced by the fresh ones (same tables, so the waiting writers go on
 * writing into them). Whatever a live projector applied had been committed before the lock was granted, so it is in
 * the log below those end offsets; whatever it applies after the commit is at most a second application, which the
 * event-id key makes a no-op.</li>
 * </ol>
 * A database outage aborts the rebuild (FAILED, the live tables untouched). A record the replay cannot apply is left
 * out only if the live projector's consumer group dead-lettered it too; otherwise the rebuild refuses to swap.
 */
public class ProjectionRebuilds {

    static final String STATUS_TABLE = "projection_rebuild";
    private static final int BATCH = 500;
    private static final int NAMED_FAILURES = 10;
    private static final String EVENT_ID_HEADER = "ce_id";
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final Map<String, RebuildableProjection> projections = new LinkedHashMap<>();
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final Clock clock;
    private final String schema;
    private final Map<String, Object> consumerConfig;
    /** The last rebuild of each projection this instance ran, for when its end could not be written down. */
    private final Map<String, RebuildStatus> ranHere = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionRebuilds(List<RebuildableProjection> projections, DataSource dataSource,
            PlatformTransactionManager transactionManager, Clock clock, String schema,
            Map<String, Object> consumerConfig) {
        projections.forEach(p -> {
            if (this.projections.put(p.name(), p) != null) {
                throw new IllegalStateException("two rebuildable projections are named " + p.name());
            }
        });
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.schema = schema;
        Map<String, Object> config = new HashMap<>(consumerConfig);
        // Assigned partitions, no group: a replay never commits offsets for the live projector's group.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
        this.consumerConfig = Map.copyOf(config);
    }

    /** The service's rebuildable read models, in the order they were declared. */
    public List<String> names() {
        return List.copyOf(projections.keySet());
    }

    public boolean knows(String name) {
        return projections.containsKey(name);
    }

    /** Where the last rebuild of the read model stands, whichever instance ran it. */
    public RebuildStatus status(String name) {
        known(name);
        RebuildStatus stored = jdbc.sql("select * from " + statusTable() + " where projection = ?").params(name)
                .query((rs, n) -> new RebuildStatus(name, rs.getString("state"), rs.getLong("replayed"),
                        rs.getLong("skipped_dead_lettered"), rs.getLong("target"), instant(rs, "started_at"),
                        instant(rs, "finished_at"), rs.getString("started_by"), rs.getString("started_by_client"),
                        rs.getString("error")))
                .optional().orElse(RebuildStatus.idle(name));
        if (stored.running() && !lockHeld(name)) {
            RebuildStatus here = ranHere.get(name);
            if (here != null && !here.running() && Objects.equals(here.startedAt(), stored.startedAt())) {
                return here;
            }
            return stored.finished(RebuildStatus.FAILED, null, "The rebuild stopped before it finished: the instance "
                    + "running it, or its connection to the database, went away. The live model is untouched.");
        }
        return stored;
    }

    /**
     * Starts a rebuild in the background on this instance.
     *
     * @throws RebuildRunning when one is running, here or on another instance
     */
    public RebuildStatus start(String name, Caller startedBy) {
        RebuildableProjection projection = known(name);
        Connection lock = holdLock(name);
        RebuildStatus started = RebuildStatus.started(name, now(), startedBy.subject(),
                startedBy.clientId());
        try {
            save(started);
            ranHere.put(name, started);
            workers.submit(() -> {
                try {
                    run(projection, started);
                } finally {
                    release(lock, name);
                }
            });
            return started;
        } catch (RuntimeException e) {
            release(lock, name);
            throw e;
        }
    }

    private RebuildableProjection known(String name) {
        RebuildableProjection projection = projections.get(name);
        if (projection == null) {
            throw new IllegalArgumentException("no rebuildable read model " + name);
        }
        return projection;
    }

    // --- the advisory lock, on a connection of its own held while the rebuild runs

    private Connection holdLock(String name) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement sql = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                sql.setLong(1, lockKey(name));
                try (ResultSet rs = sql.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return connection;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot take the rebuild lock", e);
        }
        throw new RebuildRunning(status(name));
    }

    private void release(Connection connection, String name) {
        try (connection) {
            try (PreparedStatement sql = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                sql.setLong(1, lockKey(name));
                sql.execute();
            } catch (SQLException e) {
                // A pooled connection must not go back still holding the lock: close it for good.
                connection.unwrap(Connection.class).close();
            }
        } catch (SQLException e) {
            log.warn("releasing the rebuild lock of {} failed; closing its connection releases it", name, e);
        }
    }

    private boolean lockHeld(String name) {
        long key = lockKey(name);
        return jdbc.sql("select exists (select 1 from pg_locks where locktype = 'advisory' and granted"
                        + " and objsubid = 1 and classid = ?::bigint::oid and objid = ?::bigint::oid)")
                .params(key >>> 32, key & 0xffffffffL).query(Boolean.class).single();
    }

    /** The advisory lock's key: the service's schema and the projection's name, hashed into 62 bits. */
    private long lockKey(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("planwatch-rebuild:" + schema + "." + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong() & 0x3fffffffffffffffL;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the status, in the service's schema so that every instance answers the same

    private void save(RebuildStatus s) {
        jdbc.sql("insert into " + statusTable() + " (projection, state, replayed, skipped_dead_lettered, target,"
                        + " started_at, finished_at, started_by, started_by_client, error)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (projection) do update set"
                        + " state = excluded.state, replayed = excluded.replayed,"
                        + " skipped_dead_lettered = excluded.skipped_dead_lettered, target = excluded.target,"
                        + " started_at = excluded.started_at, finished_at = excluded.finished_at,"
                        + " started_by = excluded.started_by, started_by_client = excluded.started_by_client,"
                        + " error = excluded.error")
                .params(s.projection(), s.state(), s.replayed(), s.skippedDeadLettered(), s.target(),
                        timestamp(s.startedAt()), timestamp(s.finishedAt()), s.startedBy(), s.startedByClient(),
                        s.error())
                .update();
    }

    private String statusTable() {
        return schema + "." + STATUS_TABLE;
    }

    /** Now, as the status table keeps it (microseconds), so that every instance answers the same instant. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    // --- the rebuild

    private void run(RebuildableProjection projection, RebuildStatus started) {
        ProjectionTables live = ProjectionTables.live(schema);
        ProjectionTables fresh = ProjectionTables.fresh(schema);
        Replay replay = new Replay(projection, fresh, started);
        String state = RebuildStatus.SWAPPED;
        String error = null;
        long began = System.nanoTime();
        try {
            for (String table : projection.tables()) {
                jdbc.sql("drop table if exists " + fresh.of(table)).update();
                jdbc.sql("create table " + fresh.of(table) + " (like " + live.of(table) + " including all)").update();
            }
            try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                List<TopicPartition> partitions = partitions(consumer, projection.topics());
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
                replay.target = partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
                replay.until(consumer, end, false);
                replay.requireDeadLettered();
                long replayed = System.nanoTime();
                transactions.executeWithoutResult(tx -> {
                    jdbc.sql("set local application_name = 'planwatch-rebuild'").update();
                    jdbc.sql("lock table " + projection.tables().stream().map(live::of).collect(Collectors.joining(", "))
                            + " in exclusive mode").update();
                    replay.until(consumer, consumer.endOffsets(partitions), true);
                    replay.requireDeadLettered();
                    projection.carryOver().copy(live, fresh);
                    for (String table : projection.tables()) {
                        jdbc.sql("delete from " + live.of(table)).update();
                        jdbc.sql("insert into " + live.of(table) + " overriding system value select * from "
                                + fresh.of(table)).update();
                    }
                });
                // How long the live tables were locked: every instance's projector waited that long.
                log.info("rebuilt {}: {} records replayed, {} left out as dead-lettered; replay {} ms, swap {} ms",
                        projection.name(), replay.replayed, replay.skipped, (replayed - began) / 1_000_000,
                        (System.nanoTime() - replayed) / 1_000_000);
            }
        } catch (RuntimeException e) {
            state = RebuildStatus.FAILED;
            error = databaseFailed(e) ? "The database failed: " + rootMessage(e) : rootMessage(e);
            log.error("rebuild of {} failed; the live read model is untouched", projection.name(), e);
        }
        for (String table : projection.tables()) {
            try {
                jdbc.sql("drop table if exists " + fresh.of(table)).update();
            } catch (RuntimeException e) {
                log.warn("dropping {} after the rebuild failed; the next rebuild drops it", fresh.of(table), e);
            }
        }
        finish(replay.status(), state, error);
    }

    private void finish(RebuildStatus last, String state, String error) {
        RebuildStatus finished = last.finished(state, now(), error);
        ranHere.put(finished.projection(), finished);
        try {
            save(finished);
        } catch (RuntimeException e) {
            log.warn("the end of the rebuild of {} could not be written down; this instance still answers it",
                    finished.projection(), e);
        }
    }

    /**
     * A failure of the database rather than of a record: unreachable, or a transaction it could not end (after a
     * lost connection the rollback fails too, and hides the first failure in its application exception).
     */
    private static boolean databaseFailed(Throwable e) {
        return DatabaseOutage.causedBy(e) || e instanceof TransactionException;
    }

    private static String rootMessage(Throwable e) {
        if (e instanceof TransactionSystemException failed && failed.getApplicationException() != null) {
            return rootMessage(failed.getApplicationException());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Objects.requireNonNullElse(e instanceof SwapRefused ? e.getMessage() : root.getMessage(),
                root.getClass().getSimpleName());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, List<String> topics) {
        Set<String> existing = consumer.listTopics().keySet();
        return topics.stream().filter(existing::contains).flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private static String eventId(ConsumerRecord<byte[], byte[]> record) {
        Header id = record.headers().lastHeader(EVENT_ID_HEADER);
        return id == null ? record.topic() + "-" + record.partition() + "@" + record.offset()
                : new String(id.value(), StandardCharsets.UTF_8);
    }

    /** The replay of one rebuild: its counts, and the records it could not apply. */
    private final class Replay {
        private final RebuildableProjection projection;
        private final ProjectionTables tables;
        private final RebuildStatus started;
        private final Map<String, String> unapplied = new LinkedHashMap<>();
        private final Set<String> deadLettered = new HashSet<>();
        private volatile long target;
        private volatile long replayed;
        private volatile long skipped;

        Replay(RebuildableProjection projection, ProjectionTables tables, RebuildStatus started) {
            this.projection = projection;
            this.tables = tables;
            this.started = started;
        }

        RebuildStatus status() {
            return started.progress(replayed, skipped, target);
        }

        /**
         * Applies the log up to the offsets: a batch in one transaction, or (under the swap's transaction) each
         * record in a savepoint. A record that fails is tried alone and, if it fails alone, set aside; a database
         * outage ends the rebuild.
         */
        void until(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end, boolean inSwap) {
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(500)).forEach(batch::add);
                if (batch.isEmpty()) {
                    continue;
                }
                if (inSwap) {
                    batch.forEach(record -> applyAlone(record, savepoints));
                } else {
                    try {
                        transactions.executeWithoutResult(tx -> {
                            jdbc.sql(ProjectionBatches.PLAN_FOR_THIS_BATCH).update();
                            if (projection.bulkLoad() != null) {
                                projection.bulkLoad().append(batch, tables);
                            } else {
                                batch.forEach(r -> projection.apply().apply(r, tables));
                            }
                        });
                    } catch (RuntimeException batchFailed) {
                        rethrowOutage(batchFailed);
                        batch.forEach(record -> applyAlone(record, transactions));
                    }
                }
                replayed += batch.size();
                if (!inSwap) {
                    save(status());
                }
            }
        }

        private void applyAlone(ConsumerRecord<byte[], byte[]> record, TransactionTemplate transaction) {
            try {
                transaction.executeWithoutResult(tx -> projection.apply().apply(record, tables));
            } catch (RuntimeException failed) {
                rethrowOutage(failed);
                unapplied.put(eventId(record), rootMessage(failed));
            }
        }

        private void rethrowOutage(RuntimeException failure) {
            if (databaseFailed(failure)) {
                throw failure;
            }
        }

        /** Refuses the swap while a record the replay could not apply is missing from the dead-letter topics. */
        void requireDeadLettered() {
            if (unapplied.isEmpty()) {
                return;
            }
            if (!deadLettered.containsAll(unapplied.keySet())) {
                deadLettered.addAll(deadLetteredIds());
            }
            List<String> missing = unapplied.keySet().stream().filter(id -> !deadLettered.contains(id)).toList();
            skipped = unapplied.size() - missing.size();
            if (!missing.isEmpty()) {
                throw new SwapRefused(missing.size() + " record(s) could not be applied and are not in the "
                        + "dead-letter topic, so the rebuilt model would lose them; the live model is untouched: "
                        + missing.stream().limit(NAMED_FAILURES).map(id -> id + " (" + unapplied.get(id) + ")")
                                .collect(Collectors.joining(", "))
                        + (missing.size() > NAMED_FAILURES ? ", …" : ""));
            }
        }

        /** The event ids the live projector's group dead-lettered from the projection's topics. */
        private Set<String> deadLetteredIds() {
            Set<String> ids = new HashSet<>();
            try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                List<TopicPartition> partitions = partitions(consumer, projection.topics().stream()
                        .map(Topics::deadLetterTopicOf).toList());
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        Header group = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
                        if (group == null || projection.consumerGroup()
                                .equals(new String(group.value(), StandardCharsets.UTF_8))) {
                            ids.add(eventId(record));
                        }
                    }
                }
            }
            return ids;
        }
    }

    /** The rebuild may not swap: the rebuilt model would lose events. */
    private static final class SwapRefused extends RuntimeException {
        SwapRefused(String message) {
            super(message);
        }
    }
}
