package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.indicator.observation.Observation;
import cn.gov.planwatch.indicator.observation.ObservationHistory;
import cn.gov.planwatch.platform.eventlog.ReportRevisions;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

@Repository
public class JdbcObservationStore implements ObservationHistory {

    private static final RowMapper<Observation> ROW = (rs, n) -> new Observation(
            rs.getObject("event_id", UUID.class), rs.getString("indicator"), rs.getString("agency"),
            rs.getString("period"), rs.getBigDecimal("value"), rs.getString("comment"), rs.getString("source"),
            rs.getString("unit"), rs.getTimestamp("recorded_at").toInstant(), rs.getInt("revision"), rs.getBoolean("current"));

    static final String TABLE = "observation";
    /** Each period's current report: a narrow row moved in place, so that observations are only ever appended. */
    static final String CURRENT = "current_observation";
    private static final List<String> KEY = List.of("plan", "indicator", "period");
    private static final List<String> COLUMNS = List.of("event_id", "plan", "indicator", "period", "value", "comment",
            "source", "agency", "client_id", "actor", "trace_id", "recorded_at", "unit", "unit_confirmed");
    /** A batch of events as a FROM item: one array per column, unnested together, with each event's position. */
    private static final String BATCH = ReportRevisions.batch(Collections.nCopies(COLUMNS.size(), "?"), COLUMNS);

    private final JdbcClient jdbc;
    /** The same database, for the statements that bind arrays of the driver's making. */
    private final JdbcOperations arrays;
    /** The read model's tables: the live ones, or fresh copies being rebuilt from the log. */
    private final String table;
    private final String current;

    @Autowired
    JdbcObservationStore(JdbcClient jdbc, JdbcOperations arrays,
            @Value("${spring.flyway.default-schema}") String schema) {
        this(jdbc, arrays, ProjectionTables.live(schema));
    }

    JdbcObservationStore(JdbcClient jdbc, JdbcOperations arrays, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.arrays = arrays;
        this.table = tables.of(TABLE);
        this.current = tables.of(CURRENT);
    }

    /** Applies the event once; a redelivered event changes nothing. Runs in the caller's transaction. */
    public boolean apply(ObservationReported e) {
        return !applyAll(List.of(e)).isEmpty();
    }

    /**
     * Applies the events, in log order, each once, in one statement whatever their number
     * ({@link ReportRevisions#appendKeepingCurrent}): the batch's event ids inserted together, a redelivered one skipped
     * by its key, each period pointed at its newest report. Runs in the caller's transaction. Returns the event ids
     * applied now; those missing were applied before.
     */
    public List<UUID> applyAll(List<ObservationReported> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return arrays.query(connection -> bind(connection.prepareStatement(
                        ReportRevisions.appendKeepingCurrent(table, current, KEY, List.of(), COLUMNS, BATCH)),
                        connection, events),
                ReportRevisions.APPENDED);
    }

    /** The statement with the events' columns bound as arrays, in the order of {@link #BATCH}. */
    private static PreparedStatement bind(PreparedStatement statement, Connection connection,
            List<ObservationReported> events) throws SQLException {
        statement.setArray(1, connection.createArrayOf("uuid", column(events, ObservationReported::eventId)));
        statement.setArray(2, connection.createArrayOf("text", column(events, ObservationReported::plan)));
        statement.setArray(3, connection.createArrayOf("text", column(events, ObservationReported::indicator)));
        statement.setArray(4, connection.createArrayOf("text", column(events, ObservationReported::period)));
        statement.setArray(5, connection.createArrayOf("numeric", column(events, ObservationReported::value)));
        statement.setArray(6, connection.createArrayOf("text", column(events, ObservationReported::comment)));
        statement.setArray(7, connection.createArrayOf("text", column(events, ObservationReported::source)));
        statement.setArray(8, connection.createArrayOf("text", column(events, ObservationReported::agency)));
        statement.setArray(9, connection.createArrayOf("text", column(events, ObservationReported::clientId)));
        statement.setArray(10, connection.createArrayOf("text", column(events, ObservationReported::actor)));
        statement.setArray(11, connection.createArrayOf("text", column(events, ObservationReported::traceId)));
        statement.setArray(12, connection.createArrayOf("timestamptz", column(events, JdbcObservationStore::recordedAt)));
        statement.setArray(13, connection.createArrayOf("text", column(events, ObservationReported::unit)));
        statement.setArray(14, connection.createArrayOf("bool", column(events, ObservationReported::unitConfirmed)));
        return statement;
    }

    private static Object[] column(List<ObservationReported> events, Function<ObservationReported, Object> field) {
        return events.stream().map(field).toArray();
    }

    @Override
    public List<Observation> of(String plan, String indicator) {
        return jdbc.sql("select o.*, c.event_id is not null as current from " + table + " o left join " + current
                        + " c on c.plan = o.plan and c.indicator = o.indicator and c.period = o.period"
                        + " and c.event_id = o.event_id where o.plan = ? and o.indicator = ? order by o.seq")
                .params(plan, indicator).query(ROW).list();
    }

    @Override
    public boolean recorded(UUID eventId) {
        return jdbc.sql("select exists (select 1 from " + table + " where event_id = ?)").params(eventId)
                .query(Boolean.class).single();
    }

    @Override
    public List<Observation> currentSeries(String plan, String indicator) {
        return jdbc.sql("select o.*, true as current from " + current + " c join " + table
                        + " o on o.event_id = c.event_id where c.plan = ? and c.indicator = ?")
                .params(plan, indicator).query(ROW).list().stream()
                .sorted(Comparator.comparing((Observation o) -> ReportingPeriod.parse(o.period()).orElseThrow()))
                .toList();
    }

    /**
     * The column keeps microseconds. Cut in Java, not rounded by the driver (a scalar parameter) or by the server
     * (an array element): the two round a half-microsecond differently, and a rebuild must equal the live fold.
     */
    private static Timestamp recordedAt(ObservationReported e) {
        return Timestamp.from(e.recordedAt().truncatedTo(ChronoUnit.MICROS));
    }
}
