package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.indicator.observation.Observation;
import cn.gov.planwatch.indicator.observation.ObservationHistory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

@Repository
public class JdbcObservationStore implements ObservationHistory {

    private static final RowMapper<Observation> ROW = (rs, n) -> new Observation(
            rs.getObject("event_id", UUID.class), rs.getString("indicator"), rs.getString("agency"),
            rs.getString("period"), rs.getBigDecimal("value"), rs.getString("comment"), rs.getString("source"),
            rs.getString("unit"), rs.getTimestamp("recorded_at").toInstant(), rs.getInt("revision"), rs.getBoolean("current"));

    private final JdbcClient jdbc;
    /** The schema holding the read model: the live one, or a fresh one being rebuilt from the log. */
    private final String table;

    JdbcObservationStore(JdbcClient jdbc, @Value("${spring.flyway.default-schema}") String schema) {
        this.jdbc = jdbc;
        this.table = schema + ".observation";
    }

    /** The same read model in another schema: a fresh one being rebuilt from the log. */
    public static JdbcObservationStore inSchema(JdbcClient jdbc, String schema) {
        return new JdbcObservationStore(jdbc, schema);
    }

    /** Applies the event once; a redelivered event changes nothing. Runs in the caller's transaction. */
    public boolean apply(ObservationReported e) {
        int inserted = jdbc.sql("""
                insert into %s (event_id, indicator, period, value, comment, source, agency,
                    client_id, trace_id, recorded_at, unit, unit_confirmed, revision, current)
                values (:eventId, :indicator, :period, :value, :comment, :source, :agency, :clientId, :traceId,
                    :recordedAt, :unit, :unitConfirmed,
                    (select coalesce(max(revision), 0) + 1 from %s
                      where indicator = :indicator and period = :period),
                    false)
                on conflict (event_id) do nothing
                """.formatted(table, table))
                .param("eventId", e.eventId()).param("indicator", e.indicator()).param("period", e.period())
                .param("value", e.value()).param("comment", e.comment()).param("source", e.source())
                .param("agency", e.agency()).param("clientId", e.clientId()).param("traceId", e.traceId())
                .param("recordedAt", Timestamp.from(e.recordedAt())).param("unit", e.unit())
                .param("unitConfirmed", e.unitConfirmed())
                .update();
        if (inserted == 0) {
            return false;
        }
        // The newest report in log order becomes the period's current value; two statements, because
        // the partial unique index is checked row by row.
        jdbc.sql("update " + table + " set current = false where indicator = ? and period = ? and current")
                .params(e.indicator(), e.period()).update();
        jdbc.sql("update " + table + " set current = true where event_id = ?").params(e.eventId()).update();
        return true;
    }

    @Override
    public List<Observation> of(String indicator) {
        return jdbc.sql("select * from " + table + " where indicator = ? order by seq")
                .params(indicator).query(ROW).list();
    }

    @Override
    public List<Observation> currentSeries(String indicator) {
        return jdbc.sql("select * from " + table + " where indicator = ? and current")
                .params(indicator).query(ROW).list().stream()
                .sorted(Comparator.comparing((Observation o) -> ReportingPeriod.parse(o.period()).orElseThrow()))
                .toList();
    }
}
