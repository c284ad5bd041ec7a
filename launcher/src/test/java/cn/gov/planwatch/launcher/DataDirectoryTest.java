package cn.gov.planwatch.launcher;

import cn.gov.planwatch.contracts.database.ServiceDatabaseRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The data directory holds the database, the event log and the passwords: only its owner may enter it. */
class DataDirectoryTest {

    @TempDir
    Path root;

    private StackLayout layout() {
        return StackLayout.from(Map.of(), new Properties(), root, Path.of("lib"));
    }

    @Test
    void theDataDirectoryAndTheLaunchersDirectoriesInItAreCreatedOwnerOnly() throws Exception {
        StackLayout layout = layout();

        layout.createDataDirectories();

        for (Path dir : List.of(layout.dataDir(), layout.logsDir(), layout.pidsDir(), layout.kafkaDir(),
                layout.postgresDir(), layout.redisDir())) {
            assertThat(mode(dir)).as(dir.toString()).isEqualTo("rwx------");
        }
    }

    @Test
    void aDataDirectoryLeftOpenByAnEarlierVersionIsClosedToOthers() throws Exception {
        StackLayout layout = layout();
        Files.createDirectories(layout.logsDir(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(layout.dataDir(), PosixFilePermissions.fromString("rwxrwxr-x"));

        layout.createDataDirectories();

        assertThat(mode(layout.dataDir())).isEqualTo("rwx------");
        assertThat(mode(layout.logsDir())).isEqualTo("rwx------");
    }

    @Test
    void databasePasswordsAreGeneratedOnceOnePerLoginAndReadableByTheOwnerOnly() throws Exception {
        StackLayout layout = layout();
        layout.createDataDirectories();

        DatabasePasswords first = DatabasePasswords.loadOrCreate(layout);
        DatabasePasswords second = DatabasePasswords.loadOrCreate(layout);

        assertThat(mode(layout.databasePasswordsFile())).isEqualTo("rw-------");
        Set<String> distinct = new HashSet<>();
        distinct.add(first.superuser());
        for (ServiceDatabaseRole role : ServiceDatabaseRole.ALL) {
            assertThat(second.of(role)).as("kept across starts").isEqualTo(first.of(role));
            assertThat(first.of(role)).hasSizeGreaterThanOrEqualTo(24);
            distinct.add(first.of(role));
        }
        assertThat(second.superuser()).isEqualTo(first.superuser());
        assertThat(second.redis()).isEqualTo(first.redis()).hasSizeGreaterThanOrEqualTo(24);
        distinct.add(first.redis());
        assertThat(distinct).as("no two logins share a password").hasSize(ServiceDatabaseRole.ALL.size() + 2);
        Properties stored = new Properties();
        stored.load(new StringReader(Files.readString(layout.databasePasswordsFile())));
        assertThat(stored).containsEntry("indicator_service", first.of(ServiceDatabaseRole.ALL.get(0)));
        try (var files = Files.list(layout.dataDir())) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left behind")
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aLoginAddedLaterGetsAPasswordWhileTheOthersKeepTheirs() throws Exception {
        StackLayout layout = layout();
        layout.createDataDirectories();
        Files.writeString(layout.databasePasswordsFile(), "postgres=kept-superuser-password\n");

        DatabasePasswords passwords = DatabasePasswords.loadOrCreate(layout);

        assertThat(passwords.superuser()).isEqualTo("kept-superuser-password");
        assertThat(passwords.of(ServiceDatabaseRole.ALL.get(1))).isNotBlank();
        assertThat(mode(layout.databasePasswordsFile())).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
