package cn.gov.planwatch.testsupport;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * A service's migrations run into a schema of their own, first up to a version and then to the latest: what an
 * upgrade does to data written before it. As the database's superuser, since the service's role may create nothing
 * outside its schema. Closing drops the schema.
 */
public final class SchemaUpgrade implements AutoCloseable {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final String schema;

    public SchemaUpgrade(String service) {
        RealInfrastructure infrastructure = RealInfrastructure.shared();
        this.dataSource = new DriverManagerDataSource(infrastructure.jdbcUrl(),
                infrastructure.superuser().username(), infrastructure.superuser().password());
        this.jdbc = JdbcClient.create(dataSource);
        this.schema = service + "_upgrade_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String schema() {
        return schema;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Runs the service's migrations (those on the classpath) up to and including {@code version}. */
    public SchemaUpgrade migrateTo(String version) {
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").target(version).load().migrate();
        return this;
    }

    public SchemaUpgrade migrateToLatest() {
        return migrateTo("latest");
    }

    @Override
    public void close() {
        jdbc.sql("drop schema if exists " + schema + " cascade").update();
    }
}
