package cn.gov.planwatch.indicator.plan.internal;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.StoredPlanVersions;
import cn.gov.planwatch.contracts.EventJson;
import cn.gov.planwatch.contracts.plan.PlanClosed;
import cn.gov.planwatch.contracts.plan.PlanDocumentEvent;
import cn.gov.planwatch.indicator.plan.KnownPlans;
import cn.gov.planwatch.planrules.PlanClosedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The plan documents and closures in PostgreSQL. The configured plan stands until its first event is folded: on a
 * fresh log programme-service publishes it, and until then this service must still serve the plan it reports against.
 */
@Repository
class JdbcKnownPlans implements KnownPlans {

    private final JdbcClient jdbc;
    private final String documents;
    private final String closures;
    private final PlanCatalogue configured;
    private final StoredPlanVersions read = new StoredPlanVersions();

    JdbcKnownPlans(JdbcClient jdbc, @Value("${spring.flyway.default-schema}") String schema,
            PlanCatalogue configured) {
        this.documents = schema + ".plan_document";
        this.closures = schema + ".plan_closure";
        this.jdbc = jdbc;
        this.configured = configured;
    }

    /** Keeps the event's document once; returns false for an event already kept. */
    boolean keep(PlanDocumentEvent event) {
        return jdbc.sql("insert into " + documents + " (event_id, plan, version, document, recorded_at)"
                        + " values (?, ?, ?, cast(? as jsonb), ?) on conflict (event_id) do nothing")
                .params(event.eventId(), event.plan(), event.version(),
                        EventJson.MAPPER.writeValueAsString(event.document()), Timestamp.from(event.recordedAt()))
                .update() == 1;
    }

    /** Keeps the plan's closure once; returns false for a closure already kept. */
    boolean keep(PlanClosed event) {
        return jdbc.sql("insert into " + closures + " (event_id, plan, reason, recorded_at) values (?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(event.eventId(), event.plan(), event.reason(), Timestamp.from(event.recordedAt()))
                .update() == 1;
    }

    @Override
    public Optional<PlanCatalogue> inForce(String plan, Instant asOf) {
        Optional<PlanCatalogue> recorded = latestRecordedBy(plan, asOf).map(version -> document(version.eventId()));
        if (recorded.isPresent()) {
            return recorded;
        }
        Optional<PlanCatalogue> first = jdbc.sql("select event_id from " + documents
                        + " where plan = ? order by version limit 1")
                .params(plan).query(UUID.class).optional().map(this::document);
        if (first.isEmpty() && plan.equals(configured.plan().id())) {
            first = Optional.of(configured);
        }
        return first;
    }

    /**
     * The document in force and whether the plan is closed from one statement: every report asks both. A plan whose
     * first version was recorded later than {@code now} is judged as {@link KnownPlans#requireOpen} does.
     */
    @Override
    public PlanCatalogue requireOpen(String plan, Instant now) {
        Optional<RecordedVersion> recorded = latestRecordedBy(plan, now);
        if (recorded.isEmpty()) {
            return KnownPlans.super.requireOpen(plan, now);
        }
        if (recorded.get().planClosed()) {
            throw new PlanClosedException(plan);
        }
        return document(recorded.get().eventId());
    }

    /** The plan's latest version recorded by {@code asOf}, with whether the plan is closed (now). */
    private Optional<RecordedVersion> latestRecordedBy(String plan, Instant asOf) {
        return jdbc.sql("select d.event_id, exists (select 1 from " + closures + " c where c.plan = d.plan) from "
                        + documents + " d where d.plan = ? and d.recorded_at <= ? order by d.version desc limit 1")
                .params(plan, Timestamp.from(asOf))
                .query((row, n) -> new RecordedVersion(row.getObject(1, UUID.class), row.getBoolean(2))).optional();
    }

    private record RecordedVersion(UUID eventId, boolean planClosed) {
    }

    @Override
    public boolean closed(String plan) {
        return jdbc.sql("select exists (select 1 from " + closures + " where plan = ?)").params(plan)
                .query(Boolean.class).single();
    }

    private PlanCatalogue document(UUID eventId) {
        return read.document(eventId, () -> jdbc.sql("select document from " + documents + " where event_id = ?")
                .params(eventId).query(String.class).single());
    }
}
