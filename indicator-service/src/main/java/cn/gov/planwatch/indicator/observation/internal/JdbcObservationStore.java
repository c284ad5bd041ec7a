package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.indicator.observation.Observation;
import cn.gov.planwatch.indicator.observation.ObservationHistory;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

@Repository
public class JdbcObservationStore implements ObservationHistory {

    private static final RowMapper<Observation> ROW = (rs, n) -> new Observation(
            rs.getObject("event_id", UUID.class), rs.getString("indicator"), rs.getString("agency"),
            rs.getString("period"), rs.getBigDecimal("value"), rs.getString("comment"), rs.getString("source"),
            rs.getString("unit"), rs.getTimestamp("recorded_at").toInstant(), rs.getInt("revision"), rs.getBoolean("current"));

    static final String TABLE = "observation";

    private final JdbcClient jdbc;
    /** The read model's table: the live one, or a fresh copy being rebuilt from the log. */
    private final String table;

    @Autowired
    JdbcObservationStore(JdbcClient jdbc, @Value("${spring.flyway.default-schema}") String schema) {
        this(jdbc, ProjectionTables.live(schema));
    }

    JdbcObservationStore(JdbcClient jdbc, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.table = tables.of(TABLE);
    }

    /** Applies the event once; a redelivered event changes nothing. Runs in the caller's transaction. */
    public boolean apply(ObservationReported e) {
        int inserted = jdbc.sql("""
                insert into %s (event_id, plan, indicator, period, value, comment, source, agency,
                    client_id, actor, trace_id, recorded_at, unit, unit_confirmed, revision, current)
                values (:eventId, :plan, :indicator, :period, :value, :comment, :source, :agency, :clientId, :actor,
                    :traceId, :recordedAt, :unit, :unitConfirmed,
                    (select coalesce(max(revision), 0) + 1 from %s
                      where plan = :plan and indicator = :indicator and period = :period),
                    false)
                on conflict (event_id) do nothing
                """.formatted(table, table))
                .param("eventId", e.eventId()).param("plan", e.plan()).param("indicator", e.indicator()).param("period", e.period())
                .param("value", e.value()).param("comment", e.comment()).param("source", e.source())
                .param("agency", e.agency()).param("clientId", e.clientId()).param("actor", e.actor())
                .param("traceId", e.traceId())
                .param("recordedAt", recordedAt(e)).param("unit", e.unit())
                .param("unitConfirmed", e.unitConfirmed())
                .update();
        if (inserted == 0) {
            return false;
        }
        // The newest report in log order becomes the period's current value; two statements, because
        // the partial unique index is checked row by row.
        jdbc.sql("update " + table + " set current = false where plan = ? and indicator = ? and period = ? and current")
                .params(e.plan(), e.indicator(), e.period()).update();
        jdbc.sql("update " + table + " set current = true where event_id = ?").params(e.eventId()).update();
        return true;
    }

    @Override
    public List<Observation> of(String plan, String indicator) {
        return jdbc.sql("select * from " + table + " where plan = ? and indicator = ? order by seq")
                .params(plan, indicator).query(ROW).list();
    }

    @Override
    public boolean recorded(UUID eventId) {
        return jdbc.sql("select exists (select 1 from " + table + " where event_id = ?)").params(eventId)
                .query(Boolean.class).single();
    }

    @Override
    public List<Observation> currentSeries(String plan, String indicator) {
        return jdbc.sql("select * from " + table + " where plan = ? and indicator = ? and current")
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
