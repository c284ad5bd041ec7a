package cn.gov.planwatch.testsupport;

import cn.gov.planwatch.contracts.database.ServiceDatabaseRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Least privilege in the database, checked through a service's own connection pool as it is configured: its role
 * owns its schema (its migrations ran as that role), and everything in the other services' schemas is refused by
 * PostgreSQL (SQLState 42501, insufficient_privilege). Each service's {@code DatabaseIsolationIT} extends this, as a
 * {@link PlanwatchIntegrationTest}.
 */
public abstract class DatabaseIsolationTests {

    public static final String REFUSED = "42501";

    @Autowired
    private DataSource serviceDataSource;

    private final ServiceDatabaseRole own;
    private final List<ServiceDatabaseRole> others;

    protected DatabaseIsolationTests(String service) {
        this.own = ServiceDatabaseRole.of(service).orElseThrow();
        this.others = ServiceDatabaseRole.ALL.stream().filter(role -> !role.equals(own)).toList();
    }

    /** A table with a row in each other service's schema, owned by that service's role, as its migrations make. */
    @BeforeEach
    public void otherServicesHoldData() throws SQLException {
        RealInfrastructure infra = RealInfrastructure.shared();
        try (Connection superuser = infra.connect(infra.superuser()); Statement sql = superuser.createStatement()) {
            for (ServiceDatabaseRole other : others) {
                sql.execute("create table if not exists " + probe(other) + " (id int, note text)");
                sql.execute("alter table " + probe(other) + " owner to " + other.role());
                sql.execute("insert into " + probe(other) + " values (1, 'written by " + other.service() + "')");
            }
        }
    }

    /** The pool logs in as the service's role, which is nothing more, ran its migrations and owns its tables. */
    @Test
    public void theServiceConnectsAsItsOwnRoleWhichRanItsMigrationsAndOwnsItsTables() throws SQLException {
        assertThat(single("select current_user")).isEqualTo(own.role());
        assertThat(single("select (rolsuper or rolcreaterole or rolcreatedb or rolbypassrls)::text from pg_roles"
                + " where rolname = current_user")).as("superuser, createrole, createdb or bypassrls").isEqualTo("false");
        assertThat(single("select string_agg(distinct installed_by, ',') from " + own.schema()
                + ".flyway_schema_history")).as("who ran the migrations").isEqualTo(own.role());
        assertThat(single("select count(*)::text from " + own.schema() + ".flyway_schema_history where not success"))
                .isEqualTo("0");
        assertThat(single("select string_agg(distinct tableowner, ',') from pg_tables where schemaname = '"
                + own.schema() + "'")).as("owner of its tables").isEqualTo(own.role());
    }

    /** Reading, writing, updating, deleting or emptying another service's table is refused; its rows stay as they were. */
    @Test
    public void readingOrChangingAnotherServicesDataIsRefused() throws SQLException {
        for (ServiceDatabaseRole other : others) {
            String table = probe(other);
            assertRefused("select * from " + table);
            assertRefused("insert into " + table + " values (2, 'written by " + own.service() + "')");
            assertRefused("update " + table + " set note = 'changed by " + own.service() + "'");
            assertRefused("delete from " + table);
            assertRefused("truncate " + table);
        }
        RealInfrastructure infra = RealInfrastructure.shared();
        try (Connection superuser = infra.connect(infra.superuser()); Statement sql = superuser.createStatement()) {
            for (ServiceDatabaseRole other : others) {
                try (ResultSet rows = sql.executeQuery("select count(*) filter (where note <> 'written by "
                        + other.service() + "'), count(*) from " + probe(other))) {
                    rows.next();
                    assertThat(rows.getLong(1)).as("rows changed in " + other.schema()).isZero();
                    assertThat(rows.getLong(2)).as("rows in " + other.schema()).isPositive();
                }
            }
        }
    }

    /** Creating objects in another schema or in public, altering or dropping another's, or becoming another: refused. */
    @Test
    public void creatingOrTakingOverObjectsOutsideItsOwnSchemaIsRefused() {
        for (ServiceDatabaseRole other : others) {
            assertRefused("create table " + other.schema() + ".intruder (id int)");
            assertRefused("create view " + other.schema() + ".intruder as select 1");
            assertRefused("alter table " + probe(other) + " add column extra text");
            assertRefused("drop table " + probe(other));
            assertRefused("alter schema " + other.schema() + " owner to current_user");
            assertRefused("drop schema " + other.schema() + " cascade");
            assertRefused("set role " + other.role());
        }
        assertRefused("create table public.intruder (id int)");
        assertRefused("create role intruder");
        if (!own.createsSchemas()) {
            assertRefused("create schema intruder");
        }
    }

    private void assertRefused(String statement) {
        SQLException refused = catchThrowableOfType(SQLException.class, () -> {
            try (Connection connection = serviceDataSource.getConnection();
                    Statement sql = connection.createStatement()) {
                sql.execute(statement);
            }
        });
        assertThat((Throwable) refused).as(statement).isNotNull();
        assertThat(refused.getSQLState()).as(statement + ": " + refused.getMessage()).isEqualTo(REFUSED);
    }

    private String single(String query) throws SQLException {
        try (Connection connection = serviceDataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String probe(ServiceDatabaseRole role) {
        return role.schema() + ".isolation_probe";
    }
}
