package cn.gov.planwatch.reporting;

import cn.gov.planwatch.testsupport.RealInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
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
 * A national view folded before each period's current fact had a table of its own keeps its current values through
 * the upgrade: the flagged facts become the pointers, with their values; the history stays. Runs the migrations in a schema of its own,
 * as the database's superuser (the service's role may create nothing outside its schema).
 */
class CurrentIndicatorFactMigrationIT {

    private final DataSource dataSource = new DriverManagerDataSource(RealInfrastructure.shared().jdbcUrl(),
            RealInfrastructure.shared().superuser().username(), RealInfrastructure.shared().superuser().password());
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    @Test
    void givenFlaggedCurrentFactsWhenUpgradedThenEachPeriodPointsAtItsCurrentFact() {
        String schema = "reporting_upgrade_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            migrate(schema, "9");
            UUID first = UUID.randomUUID();
            UUID revised = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            fact(schema, first, "IND-01", "2023", "10.1", 1, false);
            fact(schema, revised, "IND-01", "2023", "10.4", 2, true);
            fact(schema, other, "IND-02", "2023", "7", 1, true);

            migrate(schema, "latest");

            assertThat(jdbc.sql("select indicator, period, event_id, revision, value from " + schema
                            + ".current_indicator_fact order by indicator").query().listOfRows())
                    .containsExactly(
                            Map.of("indicator", "IND-01", "period", "2023", "event_id", revised, "revision", 2,
                                    "value", new BigDecimal("10.4")),
                            Map.of("indicator", "IND-02", "period", "2023", "event_id", other, "revision", 1,
                                    "value", new BigDecimal("7")));
            assertThat(jdbc.sql("select event_id from " + schema + ".indicator_fact order by revision, indicator")
                    .query(UUID.class).list()).as("the history stays").containsExactly(first, other, revised);
            assertThat(jdbc.sql("select column_name from information_schema.columns where table_schema = ?"
                    + " and table_name = 'indicator_fact'").params(schema).query(String.class).list())
                    .as("no flag left to go stale").doesNotContain("current");
            assertThatThrownBy(() -> fact(schema, UUID.randomUUID(), "IND-01", "2023", "10.5", 2, null))
                    .as("a period's revision numbered twice").isInstanceOf(DuplicateKeyException.class);
        } finally {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    private void migrate(String schema, String target) {
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").target(target).load().migrate();
    }

    /** A fact as the projector wrote it before the upgrade (with its flag) or after (flag null). */
    private void fact(String schema, UUID eventId, String indicator, String period, String value, int revision,
            Boolean current) {
        List<Object> params = new ArrayList<>(List.of(eventId, indicator, period, new BigDecimal(value),
                Timestamp.from(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(revision)), revision));
        if (current != null) {
            params.add(current);
        }
        jdbc.sql("insert into " + schema + ".indicator_fact (event_id, indicator, period, value, agency, recorded_at,"
                        + " revision" + (current == null ? "" : ", current") + ") values (?, ?, ?, ?, 'CNIPA', ?, ?"
                        + (current == null ? "" : ", ?") + ")")
                .params(params).update();
    }
}
