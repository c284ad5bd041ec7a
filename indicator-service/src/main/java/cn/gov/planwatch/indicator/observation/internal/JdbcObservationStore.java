package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.indicator.observation.Observation;
import cn.gov.planwatch.indicator.observation.ObservationHistory;
import cn.gov.planwatch.platform.eventlog.ReportBatchAppend;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.column;
import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.eventIds;
import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.recordedAt;

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
    /** The arrays of a batch of events, one per column. */
    private static final List<String> ARRAYS = List.of("cast(? as uuid[])", "cast(? as text[])", "cast(? as text[])",
            "cast(? as text[])", "cast(? as numeric[])", "cast(? as text[])", "cast(? as text[])", "cast(? as text[])",
            "cast(? as text[])", "cast(? as text[])", "cast(? as text[])", "cast(? as timestamptz[])",
            "cast(? as text[])", "cast(? as boolean[])");

    private final JdbcClient jdbc;
    /** The read model's tables: the live ones, or fresh copies being rebuilt from the log. */
    private final String table;
    private final String current;
    private final ReportBatchAppend observations;

    @Autowired
    JdbcObservationStore(JdbcClient jdbc, @Value("${spring.flyway.default-schema}") String schema) {
        this(jdbc, ProjectionTables.live(schema));
    }

    JdbcObservationStore(JdbcClient jdbc, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.table = tables.of(TABLE);
        this.current = tables.of(CURRENT);
        this.observations = new ReportBatchAppend(table, current, KEY, List.of(), COLUMNS, ARRAYS);
    }

    /** Applies the event once; a redelivered event changes nothing. Runs in the caller's transaction. */
    public boolean apply(ObservationReported e) {
        return !applyAll(List.of(e)).isEmpty();
    }

    /**
     * Applies the events, in log order, each once, in one statement whatever their number ({@link ReportBatchAppend}):
     * the batch's event ids inserted together, a redelivered one skipped by its key, each period pointed at its newest
     * report. Runs in the caller's transaction. Returns the event ids applied now; those missing were applied before.
     */
    public List<UUID> applyAll(List<ObservationReported> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return observations.append(jdbc, new Object[] {
                eventIds(events),
                column(events, ObservationReported::plan), column(events, ObservationReported::indicator),
                column(events, ObservationReported::period), column(events, e -> e.value().toPlainString()),
                column(events, ObservationReported::comment), column(events, ObservationReported::source),
                column(events, ObservationReported::agency), column(events, ObservationReported::clientId),
                column(events, ObservationReported::actor), column(events, ObservationReported::traceId),
                recordedAt(events),
                column(events, ObservationReported::unit),
                events.stream().map(ObservationReported::unitConfirmed).toArray(Boolean[]::new)});
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
}
