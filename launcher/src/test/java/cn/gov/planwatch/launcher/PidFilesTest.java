package cn.gov.planwatch.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

class PidFilesTest {

    private static final PidFiles.Entry GATEWAY =
            new PidFiles.Entry("gateway", 4242, "/repo/gateway/target/gateway.jar");

    private static LongFunction<Optional<String>> processes(Map<Long, String> commandLines) {
        return pid -> Optional.ofNullable(commandLines.get(pid));
    }

    @Test
    void aLiveProcessWhoseCommandLineHasTheMarkerIsALeftover() {
        var table = processes(Map.of(4242L, "/usr/bin/java -Xmx256m -jar /repo/gateway/target/gateway.jar"));

        assertThat(PidFiles.judge(GATEWAY, table)).isEqualTo(PidFiles.Verdict.LEFTOVER);
    }

    @Test
    void aPidNowUsedByAnotherProgramIsRecycledAndNotOurs() {
        var table = processes(Map.of(4242L, "/usr/bin/vim notes.txt"));

        assertThat(PidFiles.judge(GATEWAY, table)).isEqualTo(PidFiles.Verdict.RECYCLED);
    }

    @Test
    void anotherCheckoutsGatewayIsNotOurs() {
        var table = processes(Map.of(4242L, "/usr/bin/java -jar /elsewhere/gateway/target/gateway.jar"));

        assertThat(PidFiles.judge(GATEWAY, table)).isEqualTo(PidFiles.Verdict.RECYCLED);
    }

    @Test
    void aPidWithNoLiveProcessIsGone() {
        assertThat(PidFiles.judge(GATEWAY, processes(Map.of()))).isEqualTo(PidFiles.Verdict.GONE);
    }

    @Test
    void writtenEntriesReadBackWithPidAndMarker(@TempDir Path dir) {
        PidFiles pidFiles = new PidFiles(dir.resolve("pids"));
        pidFiles.write("kafka", 77, "/repo/.data/kafka/server.properties");
        pidFiles.write("postgres", 78, "/repo/.data/postgres");

        assertThat(pidFiles.entries()).containsExactly(
                new PidFiles.Entry("kafka", 77, "/repo/.data/kafka/server.properties"),
                new PidFiles.Entry("postgres", 78, "/repo/.data/postgres"));

        pidFiles.delete("kafka");
        assertThat(pidFiles.entries()).extracting(PidFiles.Entry::name).containsExactly("postgres");
    }

    @Test
    void unreadablePidFilesAreDroppedRatherThanTrusted(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("garbage.pid"), "not-a-pid\n/some/marker\n");
        Files.writeString(dir.resolve("nomarker.pid"), "123\n");

        assertThat(new PidFiles(dir).entries()).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void noPidDirectoryMeansNoEntries(@TempDir Path dir) {
        assertThat(new PidFiles(dir.resolve("missing")).entries()).isEmpty();
    }

    @Test
    void theCurrentProcessHasACommandLineAndAnImpossiblePidHasNone() {
        assertThat(ProcessTable.commandLine(ProcessHandle.current().pid())).get().asString().contains("java");
        assertThat(ProcessTable.commandLine(Long.MAX_VALUE)).isEmpty();
    }
}
