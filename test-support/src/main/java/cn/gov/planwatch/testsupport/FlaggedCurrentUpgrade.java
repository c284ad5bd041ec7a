package cn.gov.planwatch.testsupport;

import cn.gov.planwatch.contracts.plan.PlanId;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A read model of reports that flagged each report's current revision before it pointed at it from a table of its own
 * keeps its current reports through the upgrade: the flagged reports become the pointers; every report stays, no flag
 * is left to go stale, and the table refuses a report's revision numbered twice, or has no index to write for that. A subclass names the service and its
 * tables, through {@link OfIndicatorReports} or {@link OfProgressReports}.
 */
public abstract class FlaggedCurrentUpgrade {

    /** The plan of every report written before the product carried several. */
    private static final String PLAN = PlanId.OF_EVENTS_BEFORE_PLANS.value();
    private static final Instant RECORDED = Instant.parse("2024-01-01T00:00:00Z");

    /** The service whose migrations run, as its schema is named. */
    protected abstract String service();

    /** The last version of the service's migrations whose reports carry the flag. */
    protected abstract String lastFlaggedVersion();

    /** The table of reports. */
    protected abstract String reports();

    /** The table of each report's pointer to its current revision. */
    protected abstract String pointers();

    /** The columns that name a report, whose revisions are counted 1, 2, 3…, the plan first. */
    protected abstract List<String> key();

    /**
     * The columns of a revision of report 0 or report 1 as the projector wrote it, its key's among them; not its event
     * id, revision or flag.
     */
    protected abstract Map<String, Object> report(int report, int revision);

    /**
     * Whether the table itself refuses a report's revision numbered twice, with a unique index on the key and
     * revision (by default); a table without one leaves that to its pointers, which a fold moves only from the
     * revision it numbered after ({@code ReportRevisions}).
     */
    protected boolean tableRefusesARevisionTwice() {
        return true;
    }

    /** What the pointers carry besides the revision they name, checked once the upgrade has run (nothing by default). */
    protected void assertCarried(SchemaUpgrade upgrade) {
    }

    @Test
    void givenFlaggedCurrentReportsWhenUpgradedThenEachReportPointsAtItsCurrentRevision() {
        try (SchemaUpgrade upgrade = new SchemaUpgrade(service()).migrateTo(lastFlaggedVersion())) {
            JdbcClient jdbc = upgrade.jdbc();
            UUID first = UUID.randomUUID();
            UUID revised = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            insert(upgrade, first, 0, 1, false);
            insert(upgrade, revised, 0, 2, true);
            insert(upgrade, other, 1, 1, true);

            upgrade.migrateToLatest();

            String keyColumns = String.join(", ", key());
            assertThat(jdbc.sql("select " + keyColumns + ", event_id, revision from " + upgrade.schema() + "."
                    + pointers() + " order by " + keyColumns).query().listOfRows())
                    .containsExactly(pointer(0, 2, revised), pointer(1, 1, other));
            assertCarried(upgrade);
            assertThat(jdbc.sql("select event_id from " + upgrade.schema() + "." + reports()
                    + " order by revision, " + keyColumns).query(UUID.class).list())
                    .as("every report stays").containsExactly(first, other, revised);
            assertThat(jdbc.sql("select column_name from information_schema.columns where table_schema = ?"
                    + " and table_name = ?").params(upgrade.schema(), reports()).query(String.class).list())
                    .as("no flag left to go stale").doesNotContain("current");
            if (tableRefusesARevisionTwice()) {
                assertThatThrownBy(() -> insert(upgrade, UUID.randomUUID(), 0, 2, null))
                        .as("a report's revision numbered twice").isInstanceOf(DuplicateKeyException.class);
            } else {
                assertThatCode(() -> insert(upgrade, UUID.randomUUID(), 0, 2, null))
                        .as("no index on the key and revision to write for every report").doesNotThrowAnyException();
            }
        }
    }

    /** The pointer the upgrade must leave to a revision of a report. */
    private Map<String, Object> pointer(int report, int revision, UUID eventId) {
        Map<String, Object> row = new LinkedHashMap<>();
        key().forEach(column -> row.put(column, report(report, revision).get(column)));
        row.put("event_id", eventId);
        row.put("revision", revision);
        return row;
    }

    /** A revision of a report as the projector wrote it before the upgrade (with its flag) or after (flag null). */
    private void insert(SchemaUpgrade upgrade, UUID eventId, int report, int revision, Boolean current) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("event_id", eventId);
        row.putAll(report(report, revision));
        row.put("revision", revision);
        if (current != null) {
            row.put("current", current);
        }
        List<Object> params = new ArrayList<>();
        String values = row.values().stream().map(value -> {
            params.add(value instanceof Json json ? json.text() : value);
            return value instanceof Json ? "cast(? as jsonb)" : "?";
        }).collect(Collectors.joining(", "));
        upgrade.jdbc().sql("insert into " + upgrade.schema() + "." + reports() + " ("
                + String.join(", ", row.keySet()) + ") values (" + values + ")").params(params).update();
    }

    /** A JSON document, for a {@code jsonb} column. */
    public record Json(String text) {
    }

    /** Reports of an indicator's periods, such as the observations and the national view's indicator facts. */
    public abstract static class OfIndicatorReports extends FlaggedCurrentUpgrade {

        @Override
        protected List<String> key() {
            return List.of("plan", "indicator", "period");
        }

        /** Report 0 is IND-01's period 2023, report 1 IND-02's; revision r of report k has the value (k + 1)·10 + r/10. */
        @Override
        protected Map<String, Object> report(int report, int revision) {
            return Map.of("plan", PLAN, "indicator", "IND-0" + (report + 1), "period", "2023",
                    "value", new BigDecimal((report + 1) * 10 + "." + revision), "agency", "CNIPA",
                    "recorded_at", Timestamp.from(RECORDED.plusSeconds(revision)));
        }
    }

    /** Reports of a programme's progress by an agency in a quarter, such as programme-service's and the national view's. */
    public abstract static class OfProgressReports extends FlaggedCurrentUpgrade {

        @Override
        protected List<String> key() {
            return List.of("plan", "programme", "agency", "quarter");
        }

        /** Report 0 is CNIPA's on ip-education in 2023-Q4, report 1 SAMR's; revision r is r·10 percent complete. */
        @Override
        protected Map<String, Object> report(int report, int revision) {
            return Map.of("plan", PLAN, "programme", "ip-education", "agency", report == 0 ? "CNIPA" : "SAMR",
                    "quarter", "2023-Q4", "status", "ON_TRACK", "percent_complete", revision * 10,
                    "milestones", new Json("[]"), "recorded_at", Timestamp.from(RECORDED.plusSeconds(revision)));
        }
    }
}
