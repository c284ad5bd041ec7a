package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.planrules.rollup.ProgrammeRollUp;
import cn.gov.planwatch.reporting.nationalview.ProgressFact;
import cn.gov.planwatch.reporting.plan.PlansInForce;
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
import java.util.UUID;
import java.util.stream.Collectors;

/** Programme progress in the national view: every report with its revisions, and each programme's live roll-up. */
@Repository
public class ProgrammeProgressStore {

    private static final TypeReference<List<ProgressReported.MilestoneValue>> MILESTONES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ProjectionTables tables;
    private final PlansInForce plans;
    private final NationalViewStore freshness;
    private final Clock clock;
    private final JsonMapper json;
    private final RowMapper<ProgressFact> fact;

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
    }

    /** Applies the report once (a redelivery changes nothing), in the caller's transaction. */
    void fold(ProgressReported e) {
        int inserted = sql("""
                insert into reporting.progress_fact (event_id, plan, programme, quarter, agency, client_id, actor,
                    status, percent_complete, milestones, recorded_at, revision, current)
                values (:eventId, :plan, :programme, :quarter, :agency, :clientId, :actor, :status, :percent,
                    cast(:milestones as jsonb), :recordedAt,
                    (select coalesce(max(revision), 0) + 1 from reporting.progress_fact
                      where plan = :plan and programme = :programme and agency = :agency and quarter = :quarter),
                    false)
                on conflict (event_id) do nothing
                """)
                .param("eventId", e.eventId()).param("plan", e.plan()).param("programme", e.programme()).param("quarter", e.quarter())
                .param("agency", e.agency()).param("clientId", e.clientId()).param("actor", e.actor())
                .param("status", e.status())
                .param("percent", e.percentComplete()).param("milestones", json.writeValueAsString(e.milestones()))
                .param("recordedAt", Timestamp.from(e.recordedAt()))
                .update();
        if (inserted == 0) {
            return;
        }
        sql("""
                update reporting.progress_fact set current = (event_id = :eventId)
                 where plan = :plan and programme = :programme and agency = :agency and quarter = :quarter
                   and (current or event_id = :eventId)
                """).param("eventId", e.eventId()).param("plan", e.plan()).param("programme", e.programme()).param("agency", e.agency())
                .param("quarter", e.quarter()).update();
        // A plan not known yet (its event may follow on its own topic) gets its roll-up made when read.
        Optional<PlanCatalogue> plan = plans.inForce(e.plan(), clock.instant());
        plan.flatMap(p -> p.programme(e.programme())).ifPresent(programme -> refreshStanding(plan.get(), programme));
        freshness.recordApplied(e.recordedAt());
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
                ? "select * from reporting.progress_fact c where c.plan = :plan" + ofProgramme
                        + " and c.current order by c.seq"
                : """
                select f.* from reporting.progress_fact c
                  cross join lateral (select * from reporting.progress_fact f
                                       where f.plan = c.plan and f.programme = c.programme and f.agency = c.agency
                                         and f.quarter = c.quarter and f.recorded_at <= :asOf
                                       order by f.recorded_at desc, f.seq desc limit 1) f
                 where c.plan = :plan%s and c.current
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
