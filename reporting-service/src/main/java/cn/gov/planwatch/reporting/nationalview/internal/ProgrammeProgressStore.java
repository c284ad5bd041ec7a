package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.planrules.rollup.ProgrammeRollUp;
import cn.gov.planwatch.reporting.nationalview.ProgressFact;
import cn.gov.planwatch.reporting.plan.PlansInForce;
import cn.gov.planwatch.platform.eventlog.ReportBatchAppend;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.column;
import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.eventIds;
import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.recordedAt;

/** Programme progress in the national view: every report with its revisions, and each programme's live roll-up. */
@Repository
public class ProgrammeProgressStore {

    private static final TypeReference<List<ProgressReported.MilestoneValue>> MILESTONES = new TypeReference<>() {
    };
    private static final List<String> KEY = List.of("plan", "programme", "agency", "quarter");
    private static final List<String> COLUMNS = List.of("event_id", "plan", "programme", "quarter", "agency",
            "client_id", "actor", "status", "percent_complete", "milestones", "recorded_at");
    /** The arrays of a batch of reports, one per column. */
    private static final List<String> ARRAYS = List.of("cast(? as uuid[])", "cast(? as text[])", "cast(? as text[])",
            "cast(? as text[])", "cast(? as text[])", "cast(? as text[])", "cast(? as text[])", "cast(? as text[])",
            "cast(? as integer[])", "cast(? as jsonb[])", "cast(? as timestamptz[])");

    private final JdbcClient jdbc;
    private final ProjectionTables tables;
    private final PlansInForce plans;
    private final NationalViewStore freshness;
    private final Clock clock;
    private final JsonMapper json;
    private final RowMapper<ProgressFact> fact;
    private final ReportBatchAppend facts;

    @Autowired
    ProgrammeProgressStore(JdbcClient jdbc, PlansInForce plans, NationalViewStore freshness, Clock clock,
            JsonMapper json) {
        this(jdbc, plans, freshness, clock, json, ProjectionTables.live(NationalViewRebuildable.SCHEMA));
    }

    /** The progress in the given tables: the live ones, or fresh copies being rebuilt from the log. */
    ProgrammeProgressStore(JdbcClient jdbc, PlansInForce plans, NationalViewStore freshness, Clock clock,
            JsonMapper json, ProjectionTables tables) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.plans = plans;
        this.freshness = freshness;
        this.clock = clock;
        this.json = json;
        this.fact = (rs, n) -> new ProgressFact(rs.getObject("event_id", UUID.class), rs.getString("programme"),
                rs.getString("quarter"), rs.getString("agency"), rs.getString("client_id"), rs.getString("actor"),
                rs.getString("status"),
                rs.getInt("percent_complete"), json.readValue(rs.getString("milestones"), MILESTONES),
                rs.getTimestamp("recorded_at").toInstant(), rs.getInt("revision"));
        this.facts = new ReportBatchAppend(tables.of("progress_fact"), tables.of("current_progress_fact"), KEY,
                List.of(), COLUMNS, ARRAYS);
    }

    /**
     * Applies the reports, in log order, each once: appended together, numbered, and each report pointed at its
     * newest revision ({@link ReportBatchAppend}; a redelivered event skipped by its key), then the
     * roll-up of each programme they touched made once, and the freshness counted once. Runs in the caller's
     * transaction.
     */
    void foldAll(List<ProgressReported> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<UUID> applied = Set.copyOf(facts.append(jdbc, new Object[] {
                eventIds(events),
                column(events, ProgressReported::plan), column(events, ProgressReported::programme),
                column(events, ProgressReported::quarter), column(events, ProgressReported::agency),
                column(events, ProgressReported::clientId), column(events, ProgressReported::actor),
                column(events, ProgressReported::status),
                events.stream().map(ProgressReported::percentComplete).toArray(Integer[]::new),
                column(events, e -> json.writeValueAsString(e.milestones())),
                recordedAt(events)}));
        freshness.refreshTouched(events, applied, ProgressReported::plan, ProgressReported::programme,
                (plan, slugs) -> slugs.stream().map(plan::programme).flatMap(Optional::stream)
                        .forEach(programme -> refreshStanding(plan, programme)));
    }

    private void refreshStanding(PlanCatalogue plan, Programme programme) {
        ProgrammeRollUp standing = ProgrammeRollUp.of(programme, current(plan.plan().id(), programme.slug(), null));
        sql("""
                insert into reporting.programme_standing (plan, plan_version, programme, standing, event_ids,
                    updated_at)
                values (:plan, :version, :programme, cast(:standing as jsonb), :eventIds, :now)
                on conflict (plan, programme) do update set plan_version = excluded.plan_version,
                    standing = excluded.standing, event_ids = excluded.event_ids, updated_at = excluded.updated_at
                """)
                .param("plan", plan.plan().id()).param("version", plan.plan().version())
                .param("programme", programme.slug()).param("standing", json.writeValueAsString(standing))
                .param("eventIds", standing.eventIds().toArray(UUID[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Each of the plan's programme roll-ups the projector left made by {@code version} of the plan; programmes
     * without a report, or rolled up under another version, are absent.
     */
    public Map<String, ProgrammeRollUp> liveStandings(String plan, int version) {
        return sql("select programme, standing from reporting.programme_standing"
                        + " where plan = ? and plan_version = ?")
                .params(plan, version)
                .query((rs, n) -> Map.entry(rs.getString("programme"),
                        json.readValue(rs.getString("standing"), ProgrammeRollUp.class)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The current revision of each report of the plan's programme (or of every programme, for a null slug), in log
     * order: as known now, or with {@code asOf} the newest revision recorded by then.
     */
    public List<ProgressFact> current(String plan, String programme, Instant asOf) {
        String ofProgramme = programme == null ? "" : " and c.programme = :programme";
        // As of an instant: the newest revision by then of each report that has a current one, one index probe
        // each, so that the cost does not grow with the length of the history.
        return sql(asOf == null
                ? "select f.* from reporting.current_progress_fact c join reporting.progress_fact f"
                        + " on f.event_id = c.event_id where c.plan = :plan" + ofProgramme + " order by f.seq"
                : """
                select f.* from reporting.current_progress_fact c
                  cross join lateral (select * from reporting.progress_fact f
                                       where f.plan = c.plan and f.programme = c.programme and f.agency = c.agency
                                         and f.quarter = c.quarter and f.recorded_at <= :asOf
                                       order by f.recorded_at desc, f.seq desc limit 1) f
                 where c.plan = :plan%s
                 order by f.seq
                """.formatted(ofProgramme))
                .param("plan", plan).param("programme", programme).param("asOf", asOf == null ? null : Timestamp.from(asOf))
                .query(fact).list();
    }

    public List<ProgressFact> reports(List<UUID> eventIds) {
        return sql("select * from reporting.progress_fact where event_id = any(?) order by recorded_at, seq")
                .params((Object) eventIds.toArray(UUID[]::new)).query(fact).list();
    }

    /** A statement on the tables where this store keeps them: the live ones, or a rebuild's fresh copies. */
    private JdbcClient.StatementSpec sql(String statement) {
        return jdbc.sql(tables.in(statement, NationalViewRebuildable.TABLES));
    }
}
