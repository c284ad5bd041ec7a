package cn.gov.planwatch.indicator.lock.internal;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.indicator.lock.QuarterLocks;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;

@Repository
class JdbcQuarterLocks implements QuarterLocks {

    static final String LOCKS = "quarter_lock";
    static final String EVENTS = "quarter_lock_event";

    private final JdbcClient jdbc;
    private final String locks;
    private final String events;

    @Autowired
    JdbcQuarterLocks(JdbcClient jdbc, @Value("${spring.flyway.default-schema}") String schema) {
        this(jdbc, ProjectionTables.live(schema));
    }

    /** The locks in the given tables: the live ones, or fresh copies being rebuilt from the log. */
    JdbcQuarterLocks(JdbcClient jdbc, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.locks = tables.of(LOCKS);
        this.events = tables.of(EVENTS);
    }

    @Override
    public boolean locked(String plan, String agency, ReportingPeriod quarter) {
        return jdbc.sql("select locked from " + locks + " where plan = ? and agency = ? and quarter = ?")
                .params(plan, agency, quarter.toString()).query(Boolean.class).optional().orElse(false);
    }

    /**
     * Applies an acceptance (lock) or a return (unlock) once; a redelivered event changes nothing.
     * Submissions do not change the lock. Runs in the caller's transaction.
     */
    boolean apply(QuarterlyUpdateEvent event) {
        boolean lock;
        if (event instanceof QuarterlyUpdateAccepted) {
            lock = true;
        } else if (event instanceof QuarterlyUpdateReturned) {
            lock = false;
        } else {
            return false;
        }
        int inserted = jdbc.sql("insert into " + events + " (event_id, plan, agency, quarter, locked, recorded_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing")
                .params(event.eventId(), event.plan(), event.agency(), event.quarter(), lock, Timestamp.from(event.recordedAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        // Events of one agency arrive in log order (keyed by agency, whatever the plan); the recordedAt guard only keeps a stray older event
        // (replayed on its own) from undoing a later decision.
        jdbc.sql("insert into " + locks + " (plan, agency, quarter, locked, event_id, recorded_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (plan, agency, quarter) do update set locked = excluded.locked,"
                        + " event_id = excluded.event_id, recorded_at = excluded.recorded_at"
                        + " where " + locks + ".recorded_at <= excluded.recorded_at")
                .params(event.plan(), event.agency(), event.quarter(), lock, event.eventId(), Timestamp.from(event.recordedAt()))
                .update();
        return true;
    }
}
