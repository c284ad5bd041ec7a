package cn.gov.planwatch.programme.quarterly.internal;

import cn.gov.planwatch.catalogue.amendment.ReportedElement;
import cn.gov.planwatch.contracts.EventJson;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.planrules.lifecycle.LifecycleEvent;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdate;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdateState;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.programme.plan.ReportsOnPlans;
import cn.gov.planwatch.programme.quarterly.QuarterlyUpdateLedger;
import cn.gov.planwatch.programme.quarterly.QuarterlyUpdateStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The lifecycle state in PostgreSQL. Lock order is always the {@code quarterly_update} row first, then
 * the event row, in both the writing request and the projector — so the two never deadlock.
 */
@Repository
class JdbcQuarterlyUpdateLedger implements QuarterlyUpdateLedger, ReportsOnPlans {

    private static final Logger log = LoggerFactory.getLogger(JdbcQuarterlyUpdateLedger.class);

    private static final String STEP_COLUMNS =
            "event_id, kind, agency, quarter, reviewer, reason, items, client_id, actor, recorded_at";

    static final String UPDATES = "quarterly_update";
    static final String EVENTS = "quarterly_update_event";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String updates;
    private final String events;

    @Autowired
    JdbcQuarterlyUpdateLedger(JdbcClient jdbc, TransactionTemplate transactions,
            @Value("${spring.flyway.default-schema}") String schema) {
        this(jdbc, transactions, ProjectionTables.live(schema));
    }

    /** The ledger in the given tables: the live ones, or fresh copies being rebuilt from the log. */
    JdbcQuarterlyUpdateLedger(JdbcClient jdbc, TransactionTemplate transactions, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.updates = tables.of(UPDATES);
        this.events = tables.of(EVENTS);
    }

    @Override
    public <E extends QuarterlyUpdateEvent> E transition(String plan, String agency, String quarter,
            Function<QuarterlyUpdate, E> append) {
        return withConnection(() -> transactions.execute(status -> {
            E event = append.apply(lock(plan, agency, quarter, "for update"));
            try {
                record(event);
            } catch (DataAccessException e) {
                // The event is durably in the log, so the answer is 202 all the same: the projector records it.
                log.warn("could not record {} {} with its request; the projector will: {}",
                        event.getClass().getSimpleName(), event.eventId(), e.getMessage());
                status.setRollbackOnly();
            }
            return event;
        }));
    }

    @Override
    public <E extends PlanEvent> E whileHeld(String plan, String agency, String quarter,
            Function<QuarterlyUpdate, E> append) {
        return withConnection(() -> transactions.execute(
                status -> append.apply(lock(plan, agency, quarter, "for share"))));
    }

    @Override
    public <T> T whileHeld(String plan, String agency, SortedSet<String> quarters,
            Function<Map<String, QuarterlyUpdate>, T> append) {
        return withConnection(() -> transactions.execute(status -> {
            Map<String, QuarterlyUpdate> held = new LinkedHashMap<>();
            for (String quarter : quarters) {
                held.put(quarter, lock(plan, agency, quarter, "for share"));
            }
            return append.apply(held);
        }));
    }

    @Override
    public boolean record(QuarterlyUpdateEvent event) {
        QuarterlyUpdate current = lock(event.plan(), event.agency(), event.quarter(), "for update");
        LifecycleEvent step = LifecycleEvent.of(event);
        // Only a return names items: the other steps leave the column empty.
        String items = step.kind() == LifecycleEvent.Kind.RETURNED
                ? EventJson.MAPPER.writeValueAsString(step.items()) : null;
        int inserted = jdbc.sql("insert into " + events + " (event_id, plan, kind, agency, quarter, reviewer, reason,"
                        + " items, client_id, actor, trace_id, recorded_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)"
                        + " on conflict (event_id) do nothing")
                .params(event.eventId(), event.plan(), QuarterlyUpdateState.after(step.kind()).name(), event.agency(),
                        event.quarter(), step.reviewer(), step.reason(), items,
                        event.clientId(), event.actor(), event.traceId(), Timestamp.from(event.recordedAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        QuarterlyUpdate next = current.after(step);
        QuarterlyUpdate.Review review = next.lastReview();
        jdbc.sql("update " + updates + " set state = ?, first_submitted_at = ?, submitted_at = ?, review_outcome = ?,"
                        + " reviewer = ?, reviewed_at = ?, return_reason = ?, return_items = cast(? as jsonb),"
                        + " review_event_id = ?, last_event_id = ?, last_recorded_at = ?"
                        + " where plan = ? and agency = ? and quarter = ?")
                .params(next.state().name(), timestamp(next.firstSubmittedAt()), timestamp(next.submittedAt()),
                        review == null ? null : review.outcome(), review == null ? null : review.reviewer(),
                        review == null ? null : timestamp(review.reviewedAt()),
                        review == null ? null : review.reason(),
                        review == null ? null : EventJson.MAPPER.writeValueAsString(review.items()),
                        review == null ? null : review.eventId(), next.lastEventId(), timestamp(next.lastRecordedAt()),
                        event.plan(), next.agency(), next.quarter())
                .update();
        return true;
    }

    @Override
    public boolean recorded(UUID eventId) {
        return jdbc.sql("select exists (select 1 from " + events + " where event_id = ?)").params(eventId)
                .query(Boolean.class).single();
    }

    @Override
    public Optional<QuarterlyUpdate> find(String plan, String agency, String quarter) {
        return jdbc.sql("select * from " + updates + " where plan = ? and agency = ? and quarter = ?")
                .params(plan, agency, quarter).query(UPDATE).optional();
    }

    @Override
    public List<QuarterlyUpdate> ofAgency(String plan, String agency) {
        return jdbc.sql("select * from " + updates + " where plan = ? and agency = ? order by quarter")
                .params(plan, agency).query(UPDATE).list();
    }

    @Override
    public List<QuarterlyUpdate> all(String plan) {
        return jdbc.sql("select * from " + updates + " where plan = ? order by agency, quarter").params(plan)
                .query(UPDATE).list();
    }

    /** The agencies that have taken any step of a quarterly update of the plan. */
    @Override
    public Set<ReportedElement> reportedIn(String plan) {
        return Set.copyOf(jdbc.sql("select distinct agency from " + events + " where plan = ?").params(plan)
                .query((rs, n) -> ReportedElement.agency(rs.getString("agency"))).list());
    }

    @Override
    public List<QuarterlyUpdateStep> steps(String plan, String agency) {
        return jdbc.sql("select " + STEP_COLUMNS + " from " + events + " where plan = ? and agency = ? order by seq")
                .params(plan, agency).query(STEP).list();
    }

    /**
     * A write that cannot even get a connection (the pool is drained, say, by writes waiting on a broker
     * that is down) recorded nothing: answer 503 with Retry-After, as for the event log itself.
     */
    private static <T> T withConnection(Supplier<T> write) {
        try {
            return write.get();
        } catch (CannotGetJdbcConnectionException e) {
            throw Problems.storeUnavailable();
        }
    }

    /** Locks the quarter's row, creating it (OPEN) first so that there is always a row to lock. */
    private QuarterlyUpdate lock(String plan, String agency, String quarter, String mode) {
        jdbc.sql("insert into " + updates + " (plan, agency, quarter, state) values (?, ?, ?, 'OPEN')"
                        + " on conflict do nothing")
                .params(plan, agency, quarter).update();
        return jdbc.sql("select * from " + updates + " where plan = ? and agency = ? and quarter = ? " + mode)
                .params(plan, agency, quarter).query(UPDATE).single();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> items(String json) {
        return json == null ? List.of() : List.of(EventJson.MAPPER.readValue(json, String[].class));
    }

    private static final RowMapper<QuarterlyUpdate> UPDATE = (rs, n) -> {
        String outcome = rs.getString("review_outcome");
        QuarterlyUpdate.Review review = outcome == null ? null : new QuarterlyUpdate.Review(outcome,
                rs.getString("reviewer"), instant(rs, "reviewed_at"), rs.getString("return_reason"),
                items(rs.getString("return_items")), rs.getObject("review_event_id", UUID.class));
        return new QuarterlyUpdate(rs.getString("agency"), rs.getString("quarter"),
                QuarterlyUpdateState.valueOf(rs.getString("state")), instant(rs, "first_submitted_at"),
                instant(rs, "submitted_at"), review, rs.getObject("last_event_id", UUID.class),
                instant(rs, "last_recorded_at"));
    };

    private static final RowMapper<QuarterlyUpdateStep> STEP = (rs, n) -> new QuarterlyUpdateStep(
            rs.getObject("event_id", UUID.class), rs.getString("kind"), rs.getString("agency"),
            rs.getString("quarter"), rs.getString("reviewer"), rs.getString("reason"), items(rs.getString("items")),
            rs.getString("client_id"), rs.getString("actor"), instant(rs, "recorded_at"));
}
