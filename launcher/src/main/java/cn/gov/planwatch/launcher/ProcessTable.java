package cn.gov.planwatch.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Command lines of live processes, by PID. */
public final class ProcessTable {

    private ProcessTable() {
    }

    /** Empty when no such process is alive (zombies count as gone: they hold no port and no file). */
    public static Optional<String> commandLine(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        // /proc has the full, untruncated arguments on Linux; elsewhere (macOS) ask the JDK.
        Path proc = Path.of("/proc", Long.toString(pid), "cmdline");
        if (Files.isReadable(proc)) {
            try {
                String raw = new String(Files.readAllBytes(proc), StandardCharsets.UTF_8);
                return raw.isEmpty() ? Optional.empty() : Optional.of(raw.replace('\0', ' ').strip());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return handle.get().info().commandLine();
    }
}
