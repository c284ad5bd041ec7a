package cn.gov.planwatch.programme.plan.internal;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanDocuments;
import cn.gov.planwatch.catalogue.StoredPlanVersions;
import cn.gov.planwatch.contracts.EventJson;
import cn.gov.planwatch.contracts.plan.PlanAmended;
import cn.gov.planwatch.contracts.plan.PlanClosed;
import cn.gov.planwatch.contracts.plan.PlanDocumentEvent;
import cn.gov.planwatch.contracts.plan.PlanLifecycleEvent;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.programme.plan.PlanBook;
import cn.gov.planwatch.programme.plan.PlanInForce;
import cn.gov.planwatch.programme.plan.PlanVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The plans in PostgreSQL. A plan's lock is a transaction-scoped advisory lock on its id, so that there is a lock to
 * take before the plan's first row exists.
 */
@Repository
class JdbcPlanBook implements PlanBook {

    private static final Logger log = LoggerFactory.getLogger(JdbcPlanBook.class);

    private static final String IN_FORCE = "select p.*, v.kind from %s p join %s v"
            + " on v.event_id = p.version_event_id";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoint;
    private final String plans;
    private final String versions;
    private final StoredPlanVersions documents = new StoredPlanVersions();
    JdbcPlanBook(JdbcClient jdbc, TransactionTemplate transactions,
            @Value("${spring.flyway.default-schema}") String schema) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.savepoint = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.plans = schema + ".plan";
        this.versions = schema + ".plan_version";
    }

    @Override
    public <T> T whileLocked(String plan, Supplier<T> write) {
        try {
            return transactions.execute(status -> {
                jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").params(lockKey(plan))
                        .query(Object.class).single();
                return write.get();
            });
        } catch (CannotGetJdbcConnectionException e) {
            throw Problems.storeUnavailable();
        }
    }

    @Override
    public boolean closedWhileHeld(String plan) {
        jdbc.sql("select pg_advisory_xact_lock_shared(hashtextextended(?, 0))").params(lockKey(plan))
                .query(Object.class).single();
        return jdbc.sql("select exists (select 1 from " + plans + " where id = ? and state = 'CLOSED')").params(plan)
                .query(Boolean.class).single();
    }

    private static String lockKey(String plan) {
        return "plan:" + plan;
    }

    @Override
    public boolean record(PlanLifecycleEvent event) {
        if (event instanceof PlanDocumentEvent document) {
            return recordVersion(document);
        }
        PlanClosed closed = (PlanClosed) event;
        return jdbc.sql("update " + plans + " set state = 'CLOSED', closed_event_id = ?, closed_at = ?,"
                        + " closed_by = ?, close_reason = ? where id = ? and state = 'ACTIVE'")
                .params(closed.eventId(), Timestamp.from(closed.recordedAt()), closed.actor(), closed.reason(),
                        closed.plan())
                .update() == 1;
    }

    @Override
    public void recordAlongside(PlanLifecycleEvent event) {
        try {
            savepoint.executeWithoutResult(status -> record(event));
        } catch (DataAccessException e) {
            log.warn("could not record {} {} with its request; the projector will: {}",
                    event.getClass().getSimpleName(), event.eventId(), e.getMessage());
        }
    }

    private boolean recordVersion(PlanDocumentEvent event) {
        String kind = event instanceof PlanAmended ? "AMENDED" : "PUBLISHED";
        int inserted = jdbc.sql("insert into " + versions + " (event_id, plan, version, kind, document, client_id,"
                        + " actor, trace_id, recorded_at) values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(event.eventId(), event.plan(), event.version(), kind,
                        EventJson.MAPPER.writeValueAsString(event.document()), event.clientId(), event.actor(),
                        event.traceId(), Timestamp.from(event.recordedAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        PlanCatalogue document = PlanDocuments.fromJsonTree(event.document());
        var plan = document.plan();
        // A version takes the plan's row only if it is newer than the one in force: the log's order is the plan's.
        jdbc.sql("insert into " + plans + " (id, version, version_event_id, title_zh, title_en, first_year,"
                        + " target_year, lead_agency, state, published_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)"
                        + " on conflict (id) do update set version = excluded.version,"
                        + " version_event_id = excluded.version_event_id, title_zh = excluded.title_zh,"
                        + " title_en = excluded.title_en, first_year = excluded.first_year,"
                        + " target_year = excluded.target_year, lead_agency = excluded.lead_agency"
                        + " where " + plans + ".version < excluded.version")
                .params(plan.id(), plan.version(), event.eventId(), plan.titleZh(), plan.titleEn(), plan.firstYear(),
                        plan.targetYear(), plan.leadAgency(), Timestamp.from(event.recordedAt()))
                .update();
        return true;
    }

    private PlanInForce inForce(ResultSet rs, int row) throws SQLException {
        UUID versionEventId = rs.getObject("version_event_id", UUID.class);
        // The document (hundreds of kilobytes for a large plan) is read only the first time its version is asked for.
        return new PlanInForce(documents.document(versionEventId, () -> jdbc.sql(
                        "select document from " + versions + " where event_id = ?").params(versionEventId)
                        .query(String.class).single()),
                versionEventId, rs.getString("kind"), rs.getTimestamp("published_at").toInstant(),
                rs.getString("state").equals("CLOSED"));
    }

    @Override
    public Optional<PlanInForce> find(String plan) {
        return jdbc.sql(IN_FORCE.formatted(plans, versions) + " where p.id = ?").params(plan).query(this::inForce)
                .optional();
    }

    @Override
    public Optional<PlanInForce> findAsOf(String plan, Instant asOf) {
        Timestamp at = Timestamp.from(asOf);
        String asItStood = "select v.event_id as version_event_id, v.kind, p.published_at,"
                + " case when p.closed_at <= ? then 'CLOSED' else 'ACTIVE' end as state"
                + " from " + plans + " p join " + versions + " v on v.plan = p.id where p.id = ?";
        Optional<PlanInForce> recordedByThen = jdbc.sql(asItStood + " and v.recorded_at <= ?"
                        + " order by v.version desc limit 1")
                .params(at, plan, at).query(this::inForce).optional();
        if (recordedByThen.isPresent()) {
            return recordedByThen;
        }
        return jdbc.sql(asItStood + " order by v.version limit 1").params(at, plan).query(this::inForce).optional();
    }

    @Override
    public List<PlanInForce> all() {
        return jdbc.sql(IN_FORCE.formatted(plans, versions) + " order by p.published_at, p.id").query(this::inForce)
                .list();
    }

    @Override
    public List<PlanVersion> versions(String plan) {
        return jdbc.sql("select version, recorded_at, event_id from " + versions + " where plan = ? order by version")
                .params(plan)
                .query((rs, n) -> new PlanVersion(rs.getInt("version"), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getObject("event_id", UUID.class)))
                .list();
    }
}
