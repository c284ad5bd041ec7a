package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.catalogue.progress.ProgressMeasure;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.reporting.nationalview.IndicatorFact;
import cn.gov.planwatch.reporting.nationalview.NationalView.Freshness;
import cn.gov.planwatch.reporting.plan.PlansInForce;
import cn.gov.planwatch.platform.eventlog.ReportBatchAppend;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.column;
import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.eventIds;
import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.recordedAt;

/**
 * The national view's tables: facts with their history, the current fact of each period, and freshness.
 */
@Repository
public class NationalViewStore {

    static final RowMapper<IndicatorFact> FACT = (rs, n) -> new IndicatorFact(rs.getObject("event_id", UUID.class),
            rs.getString("indicator"), rs.getString("period"), rs.getBigDecimal("value"), rs.getString("agency"),
            rs.getString("client_id"), rs.getString("actor"), rs.getTimestamp("recorded_at").toInstant(),
            rs.getInt("revision"));

    /** The current fact of each period, joined from the table that points at it. */
    private static final String CURRENT = """
            select f.* from reporting.current_indicator_fact c
              join reporting.indicator_fact f on f.event_id = c.event_id
            """;

    /**
     * The newest fact recorded by an instant (the first parameter) of each period that has a fact: one index probe
     * per period, from the period's current fact, so that an as-of read costs the same whatever the length of the
     * history behind it. A period has a current fact from its first report on.
     */
    private static final String NEWEST_BY_THEN = """
            select f.* from reporting.current_indicator_fact c
              cross join lateral (select * from reporting.indicator_fact f
                                   where f.plan = c.plan and f.indicator = c.indicator and f.period = c.period
                                     and f.recorded_at <= ?
                                   order by f.recorded_at desc, f.seq desc limit 1) f
            """;

    private static final List<String> KEY = List.of("plan", "indicator", "period");
    private static final List<String> COLUMNS = List.of("event_id", "plan", "indicator", "period", "value", "agency",
            "client_id", "actor", "recorded_at");
    /** The arrays of a batch of reports, one per column. */
    private static final List<String> ARRAYS = List.of("cast(? as uuid[])", "cast(? as text[])", "cast(? as text[])",
            "cast(? as text[])", "cast(? as numeric[])", "cast(? as text[])", "cast(? as text[])", "cast(? as text[])",
            "cast(? as timestamptz[])");

    private final JdbcClient jdbc;
    private final ProjectionTables tables;
    private final PlansInForce plans;
    private final Clock clock;
    private final ReportBatchAppend facts;

    @Autowired
    NationalViewStore(JdbcClient jdbc, PlansInForce plans, Clock clock) {
        this(jdbc, plans, clock, ProjectionTables.live(NationalViewRebuildable.SCHEMA));
    }

    /** The view in the given tables: the live ones, or fresh copies being rebuilt from the log. */
    NationalViewStore(JdbcClient jdbc, PlansInForce plans, Clock clock, ProjectionTables tables) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.plans = plans;
        this.clock = clock;
        this.facts = new ReportBatchAppend(tables.of("indicator_fact"), tables.of("current_indicator_fact"), KEY,
                List.of("value"), COLUMNS, ARRAYS);
    }

    /**
     * Applies the events, in log order, each once (failing on the first whose period is not a reporting period): the
     * facts appended together, numbered, and each period pointed at its newest ({@link ReportBatchAppend}; a
     * redelivered event skipped by its key), then the freshness counted once. An indicator's progress is not kept: a
     * view measures it on the current values it reads anyway. Runs in the caller's transaction. Returns the event ids
     * applied now; those missing were applied before.
     */
    List<UUID> foldAll(List<ObservationReported> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        for (ObservationReported event : events) {
            // Every view orders an indicator's values by period: an event with a period that is none would fail
            // every read of its plan, so it fails here, to be dead-lettered instead of folded.
            if (ReportingPeriod.parse(event.period()).isEmpty()) {
                throw new IllegalArgumentException("event " + event.eventId() + " reports for \"" + event.period()
                        + "\", which is not a reporting period (YYYY or YYYY-Qn)");
            }
        }
        Object[] batch = {eventIds(events),
                column(events, ObservationReported::plan), column(events, ObservationReported::indicator),
                column(events, ObservationReported::period), column(events, e -> e.value().toPlainString()),
                column(events, ObservationReported::agency), column(events, ObservationReported::clientId),
                column(events, ObservationReported::actor),
                recordedAt(events)};
        List<UUID> applied = facts.append(jdbc, batch);
        recordApplied(folded(events, Set.copyOf(applied)), applied.size());
        return applied;
    }

    /**
     * What a fold of reports does once its batch is appended: for each plan of the reports applied now, what they
     * touched (an element of the plan, named by {@code element}) refreshed once per batch; then the freshness counted
     * once. A plan not known yet (its event may follow on its own topic) gets its figures made when read.
     */
    <E extends PlanEvent> void refreshTouched(List<E> events, Set<UUID> applied, Function<? super E, String> plan,
            Function<? super E, String> element, BiConsumer<PlanCatalogue, Set<String>> refresh) {
        List<E> folded = folded(events, applied);
        Instant at = clock.instant();
        folded.stream().collect(Collectors.groupingBy(plan, LinkedHashMap::new,
                        Collectors.mapping(element, Collectors.toCollection(LinkedHashSet::new))))
                .forEach((planId, touched) -> plans.inForce(planId, at).ifPresent(p -> refresh.accept(p, touched)));
        recordApplied(folded, applied.size());
    }

    private static <E extends PlanEvent> List<E> folded(List<E> events, Set<UUID> applied) {
        return events.stream().filter(e -> applied.contains(e.eventId())).toList();
    }

    /** Counts one more event folded into the view (of any kind), for its freshness. */
    void recordApplied(Instant recordedAt) {
        recordApplied(recordedAt, 1);
    }

    /** Counts {@code events} more events folded into the view, of those {@code folded} now (none: nothing). */
    private void recordApplied(List<? extends PlanEvent> folded, int events) {
        folded.stream().map(PlanEvent::recordedAt).max(Comparator.naturalOrder())
                .ifPresent(newest -> recordApplied(newest, events));
    }

    /** Counts {@code events} more events folded into the view, the newest recorded at {@code newest}. */
    private void recordApplied(Instant newest, int events) {
        // An upsert, so that a rebuild's empty copy of the table counts from its first event.
        sql("""
                insert into reporting.view_freshness as f (id, newest_event_at, last_applied_at, events_applied)
                values (1, :recordedAt, :now, :events)
                on conflict (id) do update set newest_event_at = greatest(f.newest_event_at, excluded.newest_event_at),
                    last_applied_at = excluded.last_applied_at, events_applied = f.events_applied + excluded.events_applied
                """).param("recordedAt", Timestamp.from(newest)).param("now", Timestamp.from(clock.instant()))
                .param("events", events)
                .update();
    }

    /**
     * The value of each period of the indicator, oldest period first: the current one, or with
     * {@code asOf}, the newest one recorded by then.
     */
    public List<IndicatorFact> currentSeries(String plan, String indicator, Instant asOf) {
        List<IndicatorFact> facts = asOf == null
                ? sql(CURRENT + " where c.plan = ? and c.indicator = ?")
                        .params(plan, indicator).query(FACT).list()
                : sql(NEWEST_BY_THEN + " where c.plan = ? and c.indicator = ?")
                        .params(Timestamp.from(asOf), plan, indicator).query(FACT).list();
        return facts.stream()
                .sorted(Comparator.comparing((IndicatorFact f) -> ReportingPeriod.parse(f.period()).orElseThrow()))
                .toList();
    }

    /**
     * The value of each period of every indicator (current, or with {@code asOf} the newest recorded by then),
     * by indicator code, oldest period first.
     */
    public Map<String, List<IndicatorFact>> currentSeries(String plan, Instant asOf) {
        List<IndicatorFact> facts = asOf == null
                ? sql(CURRENT + " where c.plan = ?").params(plan)
                        .query(FACT).list()
                : sql(NEWEST_BY_THEN + " where c.plan = ?")
                        .params(Timestamp.from(asOf), plan).query(FACT).list();
        return facts.stream()
                .sorted(Comparator.comparing((IndicatorFact f) -> ReportingPeriod.parse(f.period()).orElseThrow()))
                .collect(Collectors.groupingBy(IndicatorFact::indicator, Collectors.toList()));
    }

    /** Every report of one indicator and period of the plan recorded by {@code asOf} (or ever), oldest first. */
    public List<IndicatorFact> revisions(String plan, String indicator, String period, Instant asOf) {
        return sql("select * from reporting.indicator_fact"
                        + " where plan = :plan and indicator = :indicator and period = :period"
                        + (asOf == null ? "" : " and recorded_at <= :asOf") + " order by revision")
                .param("plan", plan).param("indicator", indicator).param("period", period)
                .param("asOf", asOf == null ? null : Timestamp.from(asOf))
                .query(FACT).list();
    }

    public List<IndicatorFact> facts(List<UUID> eventIds) {
        return sql("select * from reporting.indicator_fact where event_id = any(?) order by recorded_at, seq")
                .params((Object) eventIds.toArray(UUID[]::new)).query(FACT).list();
    }

    public Freshness freshness() {
        return sql("select * from reporting.view_freshness where id = 1").query((rs, n) -> {
            Timestamp newest = rs.getTimestamp("newest_event_at");
            Timestamp applied = rs.getTimestamp("last_applied_at");
            Double trailing = newest == null || applied == null ? null
                    : (applied.getTime() - newest.getTime()) / 1000.0;
            return new Freshness(newest == null ? null : newest.toInstant(),
                    applied == null ? null : applied.toInstant(), rs.getLong("events_applied"), trailing);
        }).optional().orElse(new Freshness(null, null, 0, null));
    }

    public static List<ProgressMeasure.Point> points(List<IndicatorFact> series) {
        return series.stream()
                .map(f -> new ProgressMeasure.Point(ReportingPeriod.parse(f.period()).orElseThrow(), f.value()))
                .toList();
    }

    /** A statement on the tables where this store keeps them: the live ones, or a rebuild's fresh copies. */
    private JdbcClient.StatementSpec sql(String statement) {
        return jdbc.sql(tables.in(statement, NationalViewRebuildable.TABLES));
    }
}
