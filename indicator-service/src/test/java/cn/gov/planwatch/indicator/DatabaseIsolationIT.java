package cn.gov.planwatch.indicator;

import cn.gov.planwatch.contracts.database.ServiceDatabaseRole;
import cn.gov.planwatch.testsupport.PlanwatchIntegrationTest;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Least privilege in the database: the service's own connection pool, as configured, is its own role, which owns
 * its schema (its migrations ran as that role) and is refused everything in the other services' schemas.
 */
@PlanwatchIntegrationTest
class DatabaseIsolationIT {

    /** SQLState insufficient_privilege. */
    private static final String REFUSED = "42501";
    private static final List<String> OTHER_SCHEMAS = List.of("programme", "reporting");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    /** A table with a row in each other service's schema, owned by that service's role, as its migrations make. */
    @BeforeAll
    static void otherServicesHoldData() throws SQLException {
        RealInfrastructure infra = RealInfrastructure.shared();
        try (Connection superuser = infra.connect(infra.superuser()); Statement sql = superuser.createStatement()) {
            for (String schema : OTHER_SCHEMAS) {
                sql.execute("create table if not exists " + schema + ".isolation_probe (id int, note text)");
                sql.execute("alter table " + schema + ".isolation_probe owner to " + schema + "_service");
                sql.execute("insert into " + schema + ".isolation_probe values (1, 'not for indicator-service')");
            }
        }
    }

    @Test
    void theServiceConnectsAsItsOwnRoleWhichRanItsMigrationsAndOwnsItsTables() {
        String role = ServiceDatabaseRole.of("indicator-service").orElseThrow().role();
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(role);
        assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
                .query(Boolean.class).single()).as("superuser, createrole or createdb").isFalse();
        assertThat(jdbc.sql("select distinct installed_by from indicator.flyway_schema_history").query(String.class)
                .list()).containsExactly(role);
        assertThat(jdbc.sql("select count(*) from indicator.flyway_schema_history where not success")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select distinct tableowner from pg_tables where schemaname = 'indicator'")
                .query(String.class).list()).containsExactly(role);
    }

    @Test
    void readingOrChangingAnotherServicesDataIsRefused() throws SQLException {
        for (String schema : OTHER_SCHEMAS) {
            String table = schema + ".isolation_probe";
            assertRefused("select * from " + table);
            assertRefused("insert into " + table + " values (2, 'written by indicator-service')");
            assertRefused("update " + table + " set note = 'changed by indicator-service'");
            assertRefused("delete from " + table);
            assertRefused("truncate " + table);
        }
        RealInfrastructure infra = RealInfrastructure.shared();
        try (Connection superuser = infra.connect(infra.superuser()); Statement sql = superuser.createStatement()) {
            for (String schema : OTHER_SCHEMAS) {
                try (var rows = sql.executeQuery("select count(*) filter (where note <> 'not for indicator-service'),"
                        + " count(*) from " + schema + ".isolation_probe")) {
                    rows.next();
                    assertThat(rows.getLong(1)).as("rows changed in " + schema).isZero();
                    assertThat(rows.getLong(2)).as("rows in " + schema).isPositive();
                }
            }
        }
    }

    @Test
    void creatingOrTakingOverObjectsOutsideItsOwnSchemaIsRefused() {
        for (String schema : OTHER_SCHEMAS) {
            assertRefused("create table " + schema + ".intruder (id int)");
            assertRefused("create view " + schema + ".intruder as select 1");
            assertRefused("alter table " + schema + ".isolation_probe add column extra text");
            assertRefused("drop table " + schema + ".isolation_probe");
            assertRefused("alter schema " + schema + " owner to current_user");
            assertRefused("drop schema " + schema + " cascade");
            assertRefused("set role " + schema + "_service");
        }
        assertRefused("create table public.intruder (id int)");
        assertRefused("create role intruder");
    }

    private void assertRefused(String statement) {
        SQLException refused = catchThrowableOfType(SQLException.class, () -> {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute(statement);
            }
        });
        assertThat((Throwable) refused).as(statement).isNotNull();
        assertThat(refused.getSQLState()).as(statement + ": " + refused.getMessage()).isEqualTo(REFUSED);
    }
}
