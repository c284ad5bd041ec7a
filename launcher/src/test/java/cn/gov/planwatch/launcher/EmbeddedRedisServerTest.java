package cn.gov.planwatch.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded stack's Redis: a real redis-server, on the layout's port, asking for its password. */
class EmbeddedRedisServerTest {

    @TempDir
    Path root;

    private EmbeddedRedisServer redis;

    @AfterEach
    void stop() {
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void startsOnTheLayoutsPortAnswersOnlyWithItsPasswordAndStopsCleanly() throws Exception {
        Properties settings = new Properties();
        settings.setProperty("planwatch.redis.port", Integer.toString(freePort()));
        StackLayout layout = StackLayout.from(Map.of(), settings, root, Path.of("lib"));
        layout.createDataDirectories();
        DatabasePasswords passwords = DatabasePasswords.loadOrCreate(layout);
        PidFiles pidFiles = new PidFiles(layout.pidsDir());

        redis = new EmbeddedRedisServer(layout, pidFiles, passwords);
        redis.start();
        redis.awaitReady(Duration.ofSeconds(30));

        assertThat(redis.isRunning()).isTrue();
        assertThat(send(layout, "PING")).as("without the password").startsWith("-NOAUTH");
        assertThat(send(layout, "AUTH " + passwords.redis() + "\r\nPING")).isEqualTo("+OK\r\n+PONG\r\n");
        assertThat(send(layout, "AUTH " + passwords.redis() + "\r\nCONFIG GET maxmemory-policy"))
                .as("a full Redis drops what expires soonest").contains("volatile-ttl");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(redis.config())))
                .as("the configuration holds the password").isEqualTo("rw-------");
        PidFiles.Entry entry = pidFiles.entries().stream().filter(e -> e.name().equals("redis")).findFirst()
                .orElseThrow();
        assertThat(PidFiles.judge(entry, ProcessTable::commandLine)).isEqualTo(PidFiles.Verdict.LEFTOVER);

        redis.stop();

        assertThat(redis.isRunning()).isFalse();
        assertThat(pidFiles.entries()).noneMatch(e -> e.name().equals("redis"));
    }

    /** Redis' answers to the given commands, read until the connection has said as much as it will. */
    private static String send(StackLayout layout, String commands) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", layout.redisPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((commands + "\r\nQUIT\r\n").getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            String answers = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answers.substring(0, answers.lastIndexOf("+OK\r\n"));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
