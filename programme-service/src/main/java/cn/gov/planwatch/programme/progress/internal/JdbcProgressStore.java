package cn.gov.planwatch.programme.progress.internal;

import cn.gov.planwatch.catalogue.amendment.ReportedElement;
import cn.gov.planwatch.contracts.EventJson;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.programme.plan.ReportsOnPlans;
import cn.gov.planwatch.programme.progress.ProgressHistory;
import cn.gov.planwatch.programme.progress.ProgressReport;
import cn.gov.planwatch.platform.eventlog.ReportBatchAppend;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.column;
import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.eventIds;
import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.recordedAt;

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
    /** Each report's current revision: a narrow row moved in place, so that progress reports are only ever appended. */
    static final String CURRENT = "current_progress_report";
    private static final List<String> KEY = List.of("plan", "programme", "agency", "quarter");
    private static final List<String> COLUMNS = List.of("event_id", "plan", "programme", "agency", "quarter", "status",
            "percent_complete", "summary", "risks", "measures", "milestones", "client_id", "actor", "trace_id",
            "recorded_at");
    /** The arrays of a batch of reports, one per column. */
    private static final List<String> ARRAYS = List.of("cast(? as uuid[])", "cast(? as text[])", "cast(? as text[])",
            "cast(? as text[])", "cast(? as text[])", "cast(? as text[])", "cast(? as integer[])", "cast(? as text[])",
            "cast(? as text[])", "cast(? as jsonb[])", "cast(? as jsonb[])", "cast(? as text[])", "cast(? as text[])",
            "cast(? as text[])", "cast(? as timestamptz[])");

    private final JdbcClient jdbc;
    /** The read model's tables: the live ones, or fresh copies being rebuilt from the log. */
    private final String table;
    private final String current;
    private final ReportBatchAppend reports;

    @Autowired
    JdbcProgressStore(JdbcClient jdbc, @Value("${spring.flyway.default-schema}") String schema) {
        this(jdbc, ProjectionTables.live(schema));
    }

    /** The reports in the given table: the live one, or a fresh copy being rebuilt from the log. */
    JdbcProgressStore(JdbcClient jdbc, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.table = tables.of(TABLE);
        this.current = tables.of(CURRENT);
        this.reports = new ReportBatchAppend(table, current, KEY, List.of(), COLUMNS, ARRAYS);
    }

    /** Applies the event once; a redelivered event changes nothing. Runs in the caller's transaction. */
    boolean apply(ProgressReported e) {
        return !applyAll(List.of(e)).isEmpty();
    }

    /**
     * Applies the events, in log order, each once, in one statement whatever their number ({@link ReportBatchAppend}):
     * the batch's event ids inserted together, a redelivered one skipped by its key, each report pointed at its newest
     * revision. Runs in the caller's transaction. Returns the event ids applied now; those missing were applied before.
     */
    List<UUID> applyAll(List<ProgressReported> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return reports.append(jdbc, new Object[] {eventIds(events),
                column(events, ProgressReported::plan), column(events, ProgressReported::programme),
                column(events, ProgressReported::agency), column(events, ProgressReported::quarter),
                column(events, ProgressReported::status),
                events.stream().map(ProgressReported::percentComplete).toArray(Integer[]::new),
                column(events, ProgressReported::summary), column(events, ProgressReported::risks),
                column(events, e -> EventJson.MAPPER.writeValueAsString(e.measures())),
                column(events, e -> EventJson.MAPPER.writeValueAsString(e.milestones())),
                column(events, ProgressReported::clientId), column(events, ProgressReported::actor),
                column(events, ProgressReported::traceId),
                recordedAt(events)});
    }

    @Override
    public List<ProgressReport> of(String plan, String programme) {
        return jdbc.sql("select r.*, c.event_id is not null as current from " + table + " r left join " + current
                        + " c on c.plan = r.plan and c.programme = r.programme and c.agency = r.agency"
                        + " and c.quarter = r.quarter and c.event_id = r.event_id"
                        + " where r.plan = ? and r.programme = ? order by r.seq")
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
        return jdbc.sql("select r.*, true as current from " + current + " c join " + table
                        + " r on r.event_id = c.event_id where c.plan = ? and c.programme = ? order by r.seq")
                .params(plan, programme).query(ROW).list();
    }
}
