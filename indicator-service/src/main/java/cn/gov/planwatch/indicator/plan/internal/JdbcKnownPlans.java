package cn.gov.planwatch.indicator.plan.internal;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.contracts.EventJson;
import cn.gov.planwatch.contracts.plan.PlanDocumentEvent;
import cn.gov.planwatch.indicator.plan.KnownPlans;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The plan documents in PostgreSQL. The configured plan stands until its first event is folded: on a fresh log
 * programme-service publishes it, and until then this service must still serve the plan it reports against.
 */
@Repository
class JdbcKnownPlans implements KnownPlans {

    private final JdbcClient jdbc;
    private final String table;
    private final PlanCatalogue configured;

    JdbcKnownPlans(JdbcClient jdbc, @Value("${spring.flyway.default-schema}") String schema,
            PlanCatalogue configured) {
        this.table = schema + ".plan_document";
        this.jdbc = jdbc;
        this.configured = configured;
    }

    /** Keeps the event's document once; returns false for an event already kept. */
    boolean keep(PlanDocumentEvent event) {
        return jdbc.sql("insert into " + table + " (event_id, plan, version, document, recorded_at)"
                        + " values (?, ?, ?, cast(? as jsonb), ?) on conflict (event_id) do nothing")
                .params(event.eventId(), event.plan(), event.version(),
                        EventJson.MAPPER.writeValueAsString(event.document()), Timestamp.from(event.recordedAt()))
                .update() == 1;
    }

    @Override
    public Optional<PlanCatalogue> inForce(String plan, Instant asOf) {
        Optional<PlanCatalogue> folded = jdbc.sql("select document from " + table
                        + " where plan = ? and recorded_at <= ? order by version desc limit 1")
                .params(plan, Timestamp.from(asOf))
                .query((rs, n) -> cn.gov.planwatch.catalogue.PlanDocuments.fromJsonTree(
                        EventJson.MAPPER.readTree(rs.getString("document"))))
                .optional();
        if (folded.isPresent() || !plan.equals(configured.plan().id())) {
            return folded;
        }
        boolean anyFolded = jdbc.sql("select exists (select 1 from " + table + " where plan = ?)").params(plan)
                .query(Boolean.class).single();
        return anyFolded ? Optional.empty() : Optional.of(configured);
    }
}
