package cn.gov.planwatch.launcher;

import cn.gov.planwatch.contracts.database.ServiceDatabaseRole;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code .data/database-passwords.properties}: the password of the embedded PostgreSQL's superuser and of each
 * service's role, and the embedded Redis' password (the gateway's only), generated on the first start and kept from
 * then on, readable by the owner only. They never appear
 * in the source tree; the launcher hands each service its own and nobody else's.
 */
final class DatabasePasswords {

    static final String FILE = "database-passwords.properties";
    /** Redis has one password, which the gateway alone is given. */
    static final String REDIS = "redis";

    private final Properties passwords;

    DatabasePasswords(Properties passwords) {
        this.passwords = passwords;
    }

    /** Reads the file, adding a password for anyone who has none yet (all of them on the first start). */
    static DatabasePasswords loadOrCreate(StackLayout layout) {
        Path file = layout.databasePasswordsFile();
        Properties passwords = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                passwords.load(new StringReader(Files.readString(file)));
            }
            boolean added = false;
            for (String login : logins()) {
                if (passwords.getProperty(login, "").isBlank()) {
                    passwords.setProperty(login, ServiceDatabaseRole.newPassword());
                    added = true;
                }
            }
            if (added) {
                StringWriter text = new StringWriter();
                passwords.store(text, "PostgreSQL logins and the Redis password of the embedded stack, generated on"
                        + " its first start. Services connect as their own role; the superuser only provisions them.");
                OwnerOnly.writeSecret(file, text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new DatabasePasswords(passwords);
    }

    private static List<String> logins() {
        List<String> logins = new ArrayList<>();
        logins.add(StackLayout.DATABASE_SUPERUSER);
        ServiceDatabaseRole.ALL.forEach(role -> logins.add(role.role()));
        logins.add(REDIS);
        return logins;
    }

    String superuser() {
        return passwords.getProperty(StackLayout.DATABASE_SUPERUSER);
    }

    String redis() {
        return passwords.getProperty(REDIS);
    }

    String of(ServiceDatabaseRole role) {
        return passwords.getProperty(role.role());
    }
}
