package cn.gov.planwatch.reporting.ops.internal;

import cn.gov.planwatch.reporting.ops.DeadLetterView;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code reporting.dead_letter} table. */
@Repository
public class DeadLetterStore {

    static final List<String> TABLES = List.of("dead_letter");

    public static final String NEW = "NEW";
    public static final String REPLAYED = "REPLAYED";

    private static final RowMapper<DeadLetterView> VIEW = (rs, n) -> new DeadLetterView(
            rs.getObject("id", UUID.class), rs.getString("event_type"), rs.getString("event_id"),
            DeadLetter.text(rs.getBytes("record_key")), rs.getString("original_topic"),
            (Integer) rs.getObject("original_partition"), (Long) rs.getObject("original_offset"),
            rs.getString("failed_group"),
            new DeadLetterView.Failure(rs.getString("exception"), rs.getString("exception_cause"),
                    rs.getString("exception_message"), rs.getString("exception_root_cause")),
            instant(rs.getTimestamp("first_failure_at")), instant(rs.getTimestamp("dead_lettered_at")),
            (Integer) rs.getObject("attempts"), rs.getString("state"), instant(rs.getTimestamp("replayed_at")),
            rs.getString("replayed_by"));

    private final JdbcClient jdbc;
    private final ProjectionTables tables;
    private final JsonMapper json;

    @Autowired
    DeadLetterStore(JdbcClient jdbc, JsonMapper json) {
        this(jdbc, json, ProjectionTables.live("reporting"));
    }

    /** The dead letters in the given table: the live one, or a fresh copy being rebuilt from the log. */
    DeadLetterStore(JdbcClient jdbc, JsonMapper json, ProjectionTables tables) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records the dead letter once; a redelivered one changes nothing. */
    void record(DeadLetter d) {
        sql("""
                insert into reporting.dead_letter (id, dlt_topic, dlt_partition, dlt_offset, original_topic,
                    original_partition, original_offset, failed_group, record_key, record_value, headers, event_type,
                    event_id, exception, exception_cause, exception_message, exception_root_cause, first_failure_at,
                    dead_lettered_at, attempts)
                values (:id, :dltTopic, :dltPartition, :dltOffset, :originalTopic, :originalPartition,
                    :originalOffset, :failedGroup, :key, :value, cast(:headers as jsonb), :eventType, :eventId,
                    :exception, :cause, :message, :rootCause, :firstFailure, :deadLetteredAt, :attempts)
                on conflict (id) do nothing
                """)
                .param("id", d.id()).param("dltTopic", d.deadLetterTopic()).param("dltPartition", d.deadLetterPartition())
                .param("dltOffset", d.deadLetterOffset()).param("originalTopic", d.originalTopic())
                .param("originalPartition", d.originalPartition()).param("originalOffset", d.originalOffset())
                .param("failedGroup", d.failedGroup()).param("key", d.key()).param("value", d.value())
                .param("headers", json.writeValueAsString(encode(d.headers()))).param("eventType", d.eventType())
                .param("eventId", d.eventId()).param("exception", d.exception()).param("cause", d.cause())
                .param("message", d.message()).param("rootCause", d.rootCause())
                .param("firstFailure", Timestamp.from(d.firstFailure()))
                .param("deadLetteredAt", Timestamp.from(d.deadLetteredAt())).param("attempts", d.attempts())
                .update();
    }

    /** Newest first. */
    public List<DeadLetterView> page(int limit, int offset) {
        return sql("""
                select * from reporting.dead_letter
                 order by dead_lettered_at desc, dlt_offset desc, id
                 limit :limit offset :offset
                """).param("limit", limit).param("offset", offset).query(VIEW).list();
    }

    public Optional<DeadLetterView> find(UUID id) {
        return sql("select * from reporting.dead_letter where id = ?").params(id).query(VIEW).optional();
    }

    /** The record's value as UTF-8 text (as the broker holds it, whether or not it could be read as an event). */
    public Optional<String> payload(UUID id) {
        return sql("select record_value from reporting.dead_letter where id = ?").params(id)
                .query((rs, n) -> Optional.ofNullable(DeadLetter.text(rs.getBytes("record_value"))))
                .optional().flatMap(value -> value);
    }

    public long count() {
        return sql("select count(*) from reporting.dead_letter").query(Long.class).single();
    }

    long count(String state) {
        return sql("select count(*) from reporting.dead_letter where state = ?").params(state).query(Long.class)
                .single();
    }

    /** Locks the dead letter's row until the caller's transaction ends, so one replay runs at a time. */
    Optional<Replayable> lockForReplay(UUID id) {
        return sql("""
                select original_topic, record_key, record_value, headers, state
                  from reporting.dead_letter where id = ? for update
                """).params(id).query((rs, n) -> new Replayable(id, rs.getString("original_topic"),
                        rs.getBytes("record_key"), rs.getBytes("record_value"), decode(rs.getString("headers")),
                        rs.getString("state")))
                .optional();
    }

    void markReplayed(UUID id, Instant at, String by) {
        sql("update reporting.dead_letter set state = :state, replayed_at = :at, replayed_by = :by where id = :id")
                .param("state", REPLAYED).param("at", Timestamp.from(at)).param("by", by).param("id", id).update();
    }

    record Replayable(UUID id, String topic, byte[] key, byte[] value, List<DeadLetter.StoredHeader> headers,
            String state) {
    }

    private static List<Map<String, String>> encode(List<DeadLetter.StoredHeader> headers) {
        List<Map<String, String>> encoded = new ArrayList<>();
        for (DeadLetter.StoredHeader header : headers) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("name", header.name());
            entry.put("value", header.value() == null ? null : Base64.getEncoder().encodeToString(header.value()));
            encoded.add(entry);
        }
        return encoded;
    }

    private List<DeadLetter.StoredHeader> decode(String headers) {
        List<Map<String, String>> entries = json.readValue(headers, new TypeReference<>() {
        });
        return entries.stream().map(e -> new DeadLetter.StoredHeader(e.get("name"),
                e.get("value") == null ? null : Base64.getDecoder().decode(e.get("value")))).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A statement on the tables where this store keeps them: the live ones, or a rebuild's fresh copies. */
    private JdbcClient.StatementSpec sql(String statement) {
        return jdbc.sql(tables.in(statement, TABLES));
    }
}
