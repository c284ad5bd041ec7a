package cn.gov.planwatch.reporting.plan.internal;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.StoredPlanVersions;
import cn.gov.planwatch.contracts.EventJson;
import cn.gov.planwatch.contracts.plan.PlanClosed;
import cn.gov.planwatch.contracts.plan.PlanDocumentEvent;
import cn.gov.planwatch.reporting.plan.PlansInForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The plan versions in PostgreSQL. The configured plan stands for its id until its first event is folded: on a fresh
 * log programme-service publishes it, and until then this service must still report on the plan it was started with,
 * at any instant, as it always has.
 */
@Repository
class JdbcPlansInForce implements PlansInForce {

    private final JdbcClient jdbc;
    private final PlanCatalogue configured;
    private final StoredPlanVersions parsed = new StoredPlanVersions();

    JdbcPlansInForce(JdbcClient jdbc, PlanCatalogue configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

    @Override
    public List<String> ids() {
        List<String> ids = new ArrayList<>(jdbc.sql(
                "select plan from reporting.plan_version group by plan order by min(recorded_at), plan")
                .query(String.class).list());
        // Until its publication is folded, the configured catalogue stands for the default plan.
        if (!ids.contains(configured.plan().id())) {
            ids.add(0, configured.plan().id());
        }
        return ids;
    }

    /** Keeps the version once; returns false for an event already kept. */
    boolean keep(PlanDocumentEvent event) {
        return jdbc.sql("""
                        insert into reporting.plan_version (event_id, plan, version, document, recorded_at)
                        values (?, ?, ?, cast(? as jsonb), ?) on conflict do nothing
                        """)
                .params(event.eventId(), event.plan(), event.version(),
                        EventJson.MAPPER.writeValueAsString(event.document()), Timestamp.from(event.recordedAt()))
                .update() == 1;
    }

    /** Records the closure once; returns false for an event already kept. */
    boolean keep(PlanClosed event) {
        return jdbc.sql("""
                        insert into reporting.plan_closure (event_id, plan, reason, recorded_at)
                        values (?, ?, ?, ?) on conflict (event_id) do nothing
                        """)
                .params(event.eventId(), event.plan(), event.reason(), Timestamp.from(event.recordedAt()))
                .update() == 1;
    }

    /** The latest version recorded by {@code at}, or failing that the first version, whenever it was recorded. */
    @Override
    public Optional<PlanCatalogue> inForce(String plan, Instant at) {
        // Before its first publication a plan's first version counts: a plan published late still covers its years.
        Optional<UUID> found = jdbc.sql("""
                        select event_id from reporting.plan_version
                         where plan = ? and (recorded_at <= ? or version = (
                               select min(version) from reporting.plan_version where plan = ?))
                         order by version desc limit 1
                        """)
                .params(plan, Timestamp.from(at), plan)
                .query(UUID.class)
                .optional();
        if (found.isEmpty()) {
            return plan.equals(configured.plan().id()) ? Optional.of(configured) : Optional.empty();
        }
        // The document (hundreds of kilobytes for a large plan) is read only the first time its version is asked for.
        UUID version = found.get();
        return Optional.of(parsed.document(version, () -> jdbc.sql(
                "select document from reporting.plan_version where event_id = ?").params(version)
                .query(String.class).single()));
    }
}
