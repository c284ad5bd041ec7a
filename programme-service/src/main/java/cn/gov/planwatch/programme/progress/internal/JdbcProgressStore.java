package cn.gov.planwatch.programme.progress.internal;

import cn.gov.planwatch.catalogue.amendment.ReportedElement;
import cn.gov.planwatch.contracts.EventJson;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.programme.plan.ReportsOnPlans;
import cn.gov.planwatch.programme.progress.ProgressHistory;
import cn.gov.planwatch.programme.progress.ProgressReport;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Repository
class JdbcProgressStore implements ProgressHistory, ReportsOnPlans {

    private static final RowMapper<ProgressReport> ROW = (rs, n) -> new ProgressReport(
            rs.getObject("event_id", UUID.class), rs.getString("programme"), rs.getString("agency"),
            rs.getString("quarter"), rs.getString("status"), rs.getInt("percent_complete"), rs.getString("summary"),
            rs.getString("risks"),
            List.of(EventJson.MAPPER.readValue(rs.getString("measures"), ProgressReported.MeasureStatus[].class)),
            List.of(EventJson.MAPPER.readValue(rs.getString("milestones"), ProgressReported.MilestoneValue[].class)),
            rs.getTimestamp("recorded_at").toInstant(), rs.getInt("revision"), rs.getBoolean("current"));

    static final String TABLE = "progress_report";

    private final JdbcClient jdbc;
    private final String table;

    @Autowired
    JdbcProgressStore(JdbcClient jdbc, @Value("${spring.flyway.default-schema}") String schema) {
        this(jdbc, ProjectionTables.live(schema));
    }

    /** The reports in the given table: the live one, or a fresh copy being rebuilt from the log. */
    JdbcProgressStore(JdbcClient jdbc, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.table = tables.of(TABLE);
    }

    /** Applies the event once; a redelivered event changes nothing. Runs in the caller's transaction. */
    boolean apply(ProgressReported e) {
        int inserted = jdbc.sql("""
                insert into %s (event_id, plan, programme, agency, quarter, status, percent_complete, summary, risks,
                    measures, milestones, client_id, actor, trace_id, recorded_at, revision, current)
                values (:eventId, :plan, :programme, :agency, :quarter, :status, :percentComplete, :summary, :risks,
                    cast(:measures as jsonb), cast(:milestones as jsonb), :clientId, :actor, :traceId, :recordedAt,
                    (select coalesce(max(revision), 0) + 1 from %s
                      where plan = :plan and programme = :programme and agency = :agency and quarter = :quarter),
                    false)
                on conflict (event_id) do nothing
                """.formatted(table, table))
                .param("eventId", e.eventId()).param("plan", e.plan()).param("programme", e.programme())
                .param("agency", e.agency())
                .param("quarter", e.quarter()).param("status", e.status())
                .param("percentComplete", e.percentComplete()).param("summary", e.summary())
                .param("risks", e.risks()).param("measures", EventJson.MAPPER.writeValueAsString(e.measures()))
                .param("milestones", EventJson.MAPPER.writeValueAsString(e.milestones()))
                .param("clientId", e.clientId()).param("actor", e.actor())
                .param("traceId", e.traceId())
                .param("recordedAt", Timestamp.from(e.recordedAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        // The newest report in log order becomes the current one; two statements, because the partial
        // unique index is checked row by row.
        jdbc.sql("update " + table + " set current = false"
                        + " where plan = ? and programme = ? and agency = ? and quarter = ? and current")
                .params(e.plan(), e.programme(), e.agency(), e.quarter()).update();
        jdbc.sql("update " + table + " set current = true where event_id = ?").params(e.eventId()).update();
        return true;
    }

    @Override
    public List<ProgressReport> of(String plan, String programme) {
        return jdbc.sql("select * from " + table + " where plan = ? and programme = ? order by seq")
                .params(plan, programme).query(ROW).list();
    }

    @Override
    public boolean recorded(UUID eventId) {
        return jdbc.sql("select exists (select 1 from " + table + " where event_id = ?)").params(eventId)
                .query(Boolean.class).single();
    }

    @Override
    public Set<ReportedElement> reportedIn(String plan) {
        Set<ReportedElement> reported = new HashSet<>();
        jdbc.sql("select distinct programme, agency from " + table + " where plan = ?").params(plan)
                .query((rs, n) -> List.of(
                ReportedElement.programme(rs.getString("programme")), ReportedElement.agency(rs.getString("agency"))))
                .list().forEach(reported::addAll);
        reported.addAll(jdbc.sql("select distinct programme, m ->> 'code' as code from " + table
                        + ", jsonb_array_elements(measures) m where plan = ?").params(plan)
                .query((rs, n) -> ReportedElement.measure(rs.getString("programme"), rs.getString("code"))).list());
        reported.addAll(jdbc.sql("select distinct programme, m ->> 'code' as code from " + table
                        + ", jsonb_array_elements(milestones) m where plan = ?").params(plan)
                .query((rs, n) -> ReportedElement.milestone(rs.getString("programme"), rs.getString("code"))).list());
        return reported;
    }

    @Override
    public List<ProgressReport> current(String plan, String programme) {
        return jdbc.sql("select * from " + table + " where plan = ? and programme = ? and current order by seq")
                .params(plan, programme).query(ROW).list();
    }
}
