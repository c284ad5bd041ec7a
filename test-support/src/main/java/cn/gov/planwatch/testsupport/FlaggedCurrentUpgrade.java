package cn.gov.planwatch.testsupport;

import cn.gov.planwatch.contracts.plan.PlanId;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A read model of indicator reports that flagged each period's current report before it pointed at it from a table of
 * its own keeps its current reports through the upgrade: the flagged reports become the pointers; every report stays,
 * no flag is left to go stale, and a period's revision can no longer be numbered twice.
 */
public abstract class FlaggedCurrentUpgrade {

    /** The plan of every report written before the product carried several. */
    private static final String PLAN = PlanId.OF_EVENTS_BEFORE_PLANS.value();

    /** The service whose migrations run, as its schema is named. */
    protected abstract String service();

    /** The last version of the service's migrations whose reports carry the flag. */
    protected abstract String lastFlaggedVersion();

    /** The table of reports. */
    protected abstract String reports();

    /** The table of each period's pointer to its current report. */
    protected abstract String pointers();

    /** What the pointers carry besides the report they name, checked once the upgrade has run (nothing by default). */
    protected void assertCarried(SchemaUpgrade upgrade) {
    }

    @Test
    void givenFlaggedCurrentReportsWhenUpgradedThenEachPeriodPointsAtItsCurrentReport() {
        try (SchemaUpgrade upgrade = new SchemaUpgrade(service()).migrateTo(lastFlaggedVersion())) {
            JdbcClient jdbc = upgrade.jdbc();
            UUID first = UUID.randomUUID();
            UUID revised = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            report(upgrade, first, "IND-01", "10.1", 1, false);
            report(upgrade, revised, "IND-01", "10.4", 2, true);
            report(upgrade, other, "IND-02", "7", 1, true);

            upgrade.migrateToLatest();

            assertThat(jdbc.sql("select plan, indicator, period, event_id, revision from " + upgrade.schema() + "."
                    + pointers() + " order by indicator").query().listOfRows()).containsExactly(
                    Map.of("plan", PLAN, "indicator", "IND-01", "period", "2023", "event_id", revised,
                            "revision", 2),
                    Map.of("plan", PLAN, "indicator", "IND-02", "period", "2023", "event_id", other,
                            "revision", 1));
            assertCarried(upgrade);
            assertThat(jdbc.sql("select event_id from " + upgrade.schema() + "." + reports()
                    + " order by revision, indicator").query(UUID.class).list())
                    .as("every report stays").containsExactly(first, other, revised);
            assertThat(jdbc.sql("select column_name from information_schema.columns where table_schema = ?"
                    + " and table_name = ?").params(upgrade.schema(), reports()).query(String.class).list())
                    .as("no flag left to go stale").doesNotContain("current");
            assertThatThrownBy(() -> report(upgrade, UUID.randomUUID(), "IND-01", "10.5", 2, null))
                    .as("a period's revision numbered twice").isInstanceOf(DuplicateKeyException.class);
        }
    }

    /** A report of the period 2023 as the projector wrote it before the upgrade (with its flag) or after (flag null). */
    private void report(SchemaUpgrade upgrade, UUID eventId, String indicator, String value, int revision,
            Boolean current) {
        List<Object> params = new ArrayList<>(List.of(eventId, PLAN, indicator, new BigDecimal(value),
                Timestamp.from(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(revision)), revision));
        if (current != null) {
            params.add(current);
        }
        upgrade.jdbc().sql("insert into " + upgrade.schema() + "." + reports() + " (event_id, plan, indicator, period,"
                        + " value, agency, recorded_at, revision" + (current == null ? "" : ", current")
                        + ") values (?, ?, ?, '2023', ?, 'CNIPA', ?, ?" + (current == null ? "" : ", ?") + ")")
                .params(params).update();
    }
}
