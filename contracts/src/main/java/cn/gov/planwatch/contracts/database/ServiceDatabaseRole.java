package cn.gov.planwatch.contracts.database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PostgreSQL role a backend service connects as, and the one schema that role owns. A role has no right on
 * any other service's schema, so a query or migration that strays into one is refused by the database itself.
 * The superuser only creates the roles and hands each its schema ({@link #provision}); the services' Flyway
 * migrations then run as their own role.
 *
 * @param createsSchemas whether the service may create schemas beside its own (indicator-service rebuilds its read
 *                       model into a fresh schema and swaps it in)
 */
public record ServiceDatabaseRole(String service, String role, String schema, boolean createsSchemas) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static final List<ServiceDatabaseRole> ALL = List.of(
            new ServiceDatabaseRole("indicator-service", "indicator_service", "indicator", true),
            new ServiceDatabaseRole("programme-service", "programme_service", "programme", false),
            new ServiceDatabaseRole("reporting-service", "reporting_service", "reporting", false));


    public ServiceDatabaseRole {
        if (!IDENTIFIER.matcher(role).matches() || !IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("role and schema must be plain lower-case identifiers");
        }
    }

    /** The role of the service with this name ({@code spring.application.name}); empty if it has no database. */
    public static Optional<ServiceDatabaseRole> of(String service) {
        return ALL.stream().filter(r -> r.service().equals(service)).findFirst();
    }

    /** A fresh random password (144 bits, URL-safe Base64: nothing to quote in a URL, a shell or SQL). */
    public static String newPassword() {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * Creates the role with this password (or sets the password of an existing one) and gives it its schema, in the
     * database {@code superuser} is connected to. Safe to run on every start: objects an earlier version of the
     * product created as the superuser pass to the role, so its migrations can alter them.
     */
    public void provision(Connection superuser, String password) throws SQLException {
        boolean exists;
        try (PreparedStatement query = superuser.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rs = query.executeQuery()) {
                exists = rs.next();
            }
        }
        try (Statement sql = superuser.createStatement()) {
            sql.execute((exists ? "alter" : "create") + " role " + role + " login nosuperuser nocreatedb nocreaterole"
                    + " noreplication nobypassrls noinherit password " + literal(password));
            sql.execute("create schema if not exists " + schema + " authorization " + role);
            sql.execute("alter schema " + schema + " owner to " + role);
            for (String alter : ownershipTransfers(superuser)) {
                sql.execute(alter);
            }
            String database = currentDatabase(superuser);
            // PUBLIC may connect to a new database and (before PostgreSQL 15) create objects in its public schema.
            sql.execute("revoke all on database " + database + " from public");
            sql.execute("revoke create on schema public from public");
            sql.execute("grant connect on database " + database + " to " + role);
            sql.execute((createsSchemas ? "grant create on database " + database + " to "
                    : "revoke create on database " + database + " from ") + role);
        }
    }

    /** Relations in the schema owned by someone else; a table's own sequences follow it. */
    private List<String> ownershipTransfers(Connection superuser) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement query = superuser.prepareStatement("""
                select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and pg_get_userbyid(c.relowner) <> ?
                  and (c.relkind in ('r', 'p', 'v', 'm', 'f')
                       or (c.relkind = 'S' and not exists (select 1 from pg_depend d
                           where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i'))))
                """)) {
            query.setString(1, schema);
            query.setString(2, role);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String kind = switch (rs.getString(2)) {
                        case "v" -> "view";
                        case "m" -> "materialized view";
                        case "f" -> "foreign table";
                        case "S" -> "sequence";
                        default -> "table";
                    };
                    statements.add("alter " + kind + " " + schema + "." + identifier(rs.getString(1)) + " owner to "
                            + role);
                }
            }
        }
        return statements;
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("select current_database()")) {
            rs.next();
            return identifier(rs.getString(1));
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
