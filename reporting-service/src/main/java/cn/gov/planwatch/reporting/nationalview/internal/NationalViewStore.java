package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.catalogue.progress.Progress;
import cn.gov.planwatch.catalogue.progress.ProgressMeasure;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.reporting.nationalview.IndicatorFact;
import cn.gov.planwatch.reporting.nationalview.NationalView.Freshness;
import cn.gov.planwatch.reporting.plan.PlansInForce;
import cn.gov.planwatch.platform.eventlog.ReportRevisions;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.column;

/**
 * The national view's tables: facts with their history, the current fact of each period, the live indicator status,
 * and freshness.
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
    /** A batch of reports as a FROM item: one array per column, unnested together, with each report's position. */
    private static final String BATCH = ReportRevisions.batch(List.of("cast(? as uuid[])", "cast(? as text[])",
            "cast(? as text[])", "cast(? as text[])", "cast(? as numeric[])", "cast(? as text[])", "cast(? as text[])",
            "cast(? as text[])", "cast(? as timestamptz[])"), COLUMNS);

    private final JdbcClient jdbc;
    private final ProjectionTables tables;
    private final PlansInForce plans;
    private final ProgressMeasure progressMeasure;
    private final Clock clock;
    private final JsonMapper json;

    @Autowired
    NationalViewStore(JdbcClient jdbc, PlansInForce plans, ProgressMeasure progressMeasure, Clock clock,
            JsonMapper json) {
        this(jdbc, plans, progressMeasure, clock, json, ProjectionTables.live(NationalViewRebuildable.SCHEMA));
    }

    /** The view in the given tables: the live ones, or fresh copies being rebuilt from the log. */
    NationalViewStore(JdbcClient jdbc, PlansInForce plans, ProgressMeasure progressMeasure, Clock clock,
            JsonMapper json, ProjectionTables tables) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.json = json;
        this.plans = plans;
        this.progressMeasure = progressMeasure;
        this.clock = clock;
    }

    /**
     * Applies the events, in log order, each once: the facts appended together, numbered, and each period pointed at
     * its newest ({@link ReportRevisions#appendKeepingCurrent}; a redelivered event skipped by its key), then the
     * status of each indicator they touched measured once, and the freshness counted once. Runs in the caller's
     * transaction. Returns the event ids applied now; those missing were applied before.
     */
    List<UUID> foldAll(List<ObservationReported> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Object[] batch = {events.stream().map(ObservationReported::eventId).toArray(UUID[]::new),
                column(events, ObservationReported::plan), column(events, ObservationReported::indicator),
                column(events, ObservationReported::period), column(events, e -> e.value().toPlainString()),
                column(events, ObservationReported::agency), column(events, ObservationReported::clientId),
                column(events, ObservationReported::actor),
                // Cut to the column's microseconds here, as every path that writes the table does.
                column(events, e -> e.recordedAt().truncatedTo(ChronoUnit.MICROS).toString())};
        List<UUID> applied = jdbc.sql(ReportRevisions.appendKeepingCurrent(tables.of("indicator_fact"),
                        tables.of("current_indicator_fact"), KEY, List.of("value"), COLUMNS, BATCH)).params(batch)
                .query(ReportRevisions.APPENDED).list();
        refreshTouched(events, Set.copyOf(applied), ObservationReported::plan, ObservationReported::indicator,
                (plan, codes) -> refreshStatuses(plan, codes.stream().map(plan::indicator).flatMap(Optional::stream)
                        .toList()));
        return applied;
    }

    /**
     * What a fold of reports does once its batch is appended: for each plan of the reports applied now, what they
     * touched (an element of the plan, named by {@code element}) refreshed once per batch; then the freshness counted
     * once. A plan not known yet (its event may follow on its own topic) gets its figures made when read.
     */
    <E extends PlanEvent> void refreshTouched(List<E> events, Set<UUID> applied, Function<? super E, String> plan,
            Function<? super E, String> element, BiConsumer<PlanCatalogue, Set<String>> refresh) {
        List<E> folded = events.stream().filter(e -> applied.contains(e.eventId())).toList();
        if (folded.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        folded.stream().collect(Collectors.groupingBy(plan, LinkedHashMap::new,
                        Collectors.mapping(element, Collectors.toCollection(LinkedHashSet::new))))
                .forEach((planId, touched) -> plans.inForce(planId, at).ifPresent(p -> refresh.accept(p, touched)));
        recordApplied(folded.stream().map(PlanEvent::recordedAt).max(Comparator.naturalOrder()).orElseThrow(),
                applied.size());
    }

    /** Counts one more event folded into the view (of any kind), for its freshness. */
    void recordApplied(Instant recordedAt) {
        recordApplied(recordedAt, 1);
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
     * Measures the status of each of these indicators of the plan again from the current value of each of its
     * periods, in two statements for all of them.
     */
    private void refreshStatuses(PlanCatalogue plan, List<Indicator> indicators) {
        if (indicators.isEmpty()) {
            return;
        }
        Map<String, List<CurrentValue>> series = sql("select indicator, period, event_id, value"
                        + " from reporting.current_indicator_fact where plan = ? and indicator = any(?)")
                .params(plan.plan().id(), indicators.stream().map(Indicator::code).toArray(String[]::new))
                .query((rs, n) -> new CurrentValue(rs.getString("indicator"),
                        ReportingPeriod.parse(rs.getString("period")).orElseThrow(),
                        rs.getObject("event_id", UUID.class), rs.getBigDecimal("value")))
                .list().stream()
                .sorted(Comparator.comparing(CurrentValue::period))
                .collect(Collectors.groupingBy(CurrentValue::indicator));
        List<Indicator> measured = indicators.stream().filter(i -> series.containsKey(i.code())).toList();
        sql("""
                insert into reporting.indicator_status (plan, plan_version, indicator, latest_event_id, progress,
                    event_ids, updated_at)
                select ?, ?, s.indicator, s.latest_event_id, cast(s.progress as jsonb),
                       cast(string_to_array(s.event_ids, ',') as uuid[]), ?
                  from unnest(cast(? as text[]), cast(? as uuid[]), cast(? as text[]), cast(? as text[]))
                       as s(indicator, latest_event_id, progress, event_ids)
                on conflict (plan, indicator) do update set plan_version = excluded.plan_version,
                    latest_event_id = excluded.latest_event_id, progress = excluded.progress,
                    event_ids = excluded.event_ids, updated_at = excluded.updated_at
                """)
                .params(plan.plan().id(), plan.plan().version(), Timestamp.from(clock.instant()),
                        measured.stream().map(Indicator::code).toArray(String[]::new),
                        measured.stream().map(i -> last(series.get(i.code())).eventId()).toArray(UUID[]::new),
                        measured.stream().map(i -> json.writeValueAsString(progressMeasure.assess(i,
                                series.get(i.code()).stream().map(CurrentValue::point).toList())))
                                .toArray(String[]::new),
                        measured.stream().map(i -> series.get(i.code()).stream().map(v -> v.eventId().toString())
                                .collect(Collectors.joining(","))).toArray(String[]::new))
                .update();
    }

    /** A period's current value, as its pointer row keeps it. */
    private record CurrentValue(String indicator, ReportingPeriod period, UUID eventId, BigDecimal value) {

        ProgressMeasure.Point point() {
            return new ProgressMeasure.Point(period, value);
        }
    }

    private static <T> T last(List<T> series) {
        return series.get(series.size() - 1);
    }

    /**
     * The live status of each of the plan's indicators that has a report, as the projector left it measured against
     * {@code version} of the plan; a status measured against another version is absent.
     */
    public Map<String, LiveStatus> liveStatus(String plan, int version) {
        Map<UUID, IndicatorFact> latest = sql("""
                select f.* from reporting.indicator_fact f
                  join reporting.indicator_status s on s.latest_event_id = f.event_id
                 where s.plan = ? and s.plan_version = ?
                """).params(plan, version).query(FACT).list().stream()
                .collect(Collectors.toMap(IndicatorFact::eventId, f -> f));
        return sql("select indicator, latest_event_id, progress, event_ids"
                        + " from reporting.indicator_status where plan = ? and plan_version = ?")
                .params(plan, version)
                .query((rs, n) -> new LiveStatus(rs.getString("indicator"),
                        latest.get(rs.getObject("latest_event_id", UUID.class)),
                        json.readValue(rs.getString("progress"), Progress.class),
                        List.of((UUID[]) rs.getArray("event_ids").getArray())))
                .list().stream().collect(Collectors.toMap(LiveStatus::indicator, s -> s));
    }

    public record LiveStatus(String indicator, IndicatorFact latest, Progress progress, List<UUID> eventIds) {
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
