package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.planrules.lifecycle.LifecycleEvent;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdate;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdateState;
import cn.gov.planwatch.reporting.nationalview.FoldedUpdate;
import cn.gov.planwatch.reporting.nationalview.LifecycleStep;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The quarterly update cycle in the national view: every lifecycle step, and each update's live lifecycle. */
@Repository
public class QuarterlyUpdateStore {

    static final RowMapper<LifecycleStep> STEP = (rs, n) -> new LifecycleStep(rs.getObject("event_id", UUID.class),
            rs.getString("agency"), rs.getString("quarter"), LifecycleEvent.Kind.valueOf(rs.getString("kind")),
            rs.getString("reviewer"), rs.getString("reason"), List.of((String[]) rs.getArray("items").getArray()),
            rs.getString("client_id"), rs.getString("actor"), rs.getTimestamp("recorded_at").toInstant(),
            rs.getInt("step"));

    private final JdbcClient jdbc;
    private final ProjectionTables tables;
    private final NationalViewStore freshness;

    @Autowired
    QuarterlyUpdateStore(JdbcClient jdbc, NationalViewStore freshness) {
        this(jdbc, freshness, ProjectionTables.live(NationalViewRebuildable.SCHEMA));
    }

    /** The updates in the given tables: the live ones, or fresh copies being rebuilt from the log. */
    QuarterlyUpdateStore(JdbcClient jdbc, NationalViewStore freshness, ProjectionTables tables) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.freshness = freshness;
    }

    /** An agency and one of its quarters. */
    public record UpdateKey(String agency, String quarter) {
    }

    /** Applies the step once (a redelivery changes nothing), in the caller's transaction. */
    void fold(QuarterlyUpdateEvent e) {
        LifecycleEvent step = LifecycleEvent.of(e);
        int inserted = sql("""
                insert into reporting.quarterly_update_fact (event_id, plan, agency, quarter, kind, reviewer, reason,
                    items, client_id, actor, recorded_at, step)
                values (:eventId, :plan, :agency, :quarter, :kind, :reviewer, :reason, :items, :clientId, :actor,
                    :recordedAt,
                    (select coalesce(max(step), 0) + 1 from reporting.quarterly_update_fact
                      where plan = :plan and agency = :agency and quarter = :quarter))
                on conflict (event_id) do nothing
                """)
                .param("eventId", e.eventId()).param("plan", e.plan()).param("agency", e.agency()).param("quarter", e.quarter())
                .param("kind", step.kind().name()).param("reviewer", step.reviewer())
                .param("reason", step.reason()).param("items", step.items().toArray(String[]::new))
                .param("clientId", e.clientId()).param("actor", e.actor())
                .param("recordedAt", Timestamp.from(e.recordedAt()))
                .update();
        if (inserted == 0) {
            return;
        }
        UpdateKey key = new UpdateKey(e.agency(), e.quarter());
        FoldedUpdate after = lifecycle(e.plan(), key).after(step);
        sql("""
                insert into reporting.quarterly_update_state (plan, agency, quarter, stage, first_submitted_at,
                    submitted_at, last_event_id, last_recorded_at, event_ids)
                values (:plan, :agency, :quarter, :stage, :first, :submitted, :lastEventId, :lastRecordedAt,
                    :eventIds)
                on conflict (plan, agency, quarter) do update set stage = excluded.stage,
                    first_submitted_at = excluded.first_submitted_at, submitted_at = excluded.submitted_at,
                    last_event_id = excluded.last_event_id, last_recorded_at = excluded.last_recorded_at,
                    event_ids = excluded.event_ids
                """)
                .param("plan", e.plan()).param("agency", key.agency()).param("quarter", key.quarter())
                .param("stage", after.update().state().name())
                .param("first", timestamp(after.update().firstSubmittedAt()))
                .param("submitted", timestamp(after.update().submittedAt()))
                .param("lastEventId", after.update().lastEventId())
                .param("lastRecordedAt", timestamp(after.update().lastRecordedAt()))
                .param("eventIds", after.eventIds().toArray(UUID[]::new))
                .update();
        freshness.recordApplied(e.recordedAt());
    }

    private FoldedUpdate lifecycle(String plan, UpdateKey key) {
        return sql("select * from reporting.quarterly_update_state"
                        + " where plan = ? and agency = ? and quarter = ? for update")
                .params(plan, key.agency(), key.quarter()).query(QuarterlyUpdateStore::lifecycle).optional()
                .orElse(FoldedUpdate.notStarted(key.agency(), key.quarter()));
    }

    /**
     * Every update to the plan that has a step: as the projector left it, or with {@code asOf} folded from the steps
     * recorded by then, in the order they arrived (the order the live fold took).
     */
    public Map<UpdateKey, FoldedUpdate> lifecycles(String plan, Instant asOf) {
        if (asOf == null) {
            return sql("select * from reporting.quarterly_update_state where plan = ?").params(plan)
                    .query((rs, n) -> Map.entry(new UpdateKey(rs.getString("agency"), rs.getString("quarter")),
                            lifecycle(rs, n)))
                    .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
        Map<UpdateKey, List<LifecycleStep>> steps = sql(
                        "select * from reporting.quarterly_update_fact where plan = ? and recorded_at <= ?"
                                + " order by seq")
                .params(plan, Timestamp.from(asOf)).query(STEP).list().stream()
                .collect(Collectors.groupingBy(s -> new UpdateKey(s.agency(), s.quarter()), LinkedHashMap::new,
                        Collectors.toList()));
        Map<UpdateKey, FoldedUpdate> folded = new LinkedHashMap<>();
        steps.forEach((key, list) -> folded.put(key, FoldedUpdate.fold(key.agency(), key.quarter(), list)));
        return folded;
    }

    public List<LifecycleStep> steps(List<UUID> eventIds) {
        return sql("select * from reporting.quarterly_update_fact where event_id = any(?) order by recorded_at, seq")
                .params((Object) eventIds.toArray(UUID[]::new)).query(STEP).list();
    }

    /** The view keeps no reviews: the national view shows where an update stands, not what the lead said. */
    private static FoldedUpdate lifecycle(ResultSet rs, int n) throws SQLException {
        return new FoldedUpdate(new QuarterlyUpdate(rs.getString("agency"), rs.getString("quarter"),
                QuarterlyUpdateState.valueOf(rs.getString("stage")), instant(rs.getTimestamp("first_submitted_at")),
                instant(rs.getTimestamp("submitted_at")), null, rs.getObject("last_event_id", UUID.class),
                instant(rs.getTimestamp("last_recorded_at"))),
                List.of((UUID[]) rs.getArray("event_ids").getArray()));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** A statement on the tables where this store keeps them: the live ones, or a rebuild's fresh copies. */
    private JdbcClient.StatementSpec sql(String statement) {
        return jdbc.sql(tables.in(statement, NationalViewRebuildable.TABLES));
    }
}
