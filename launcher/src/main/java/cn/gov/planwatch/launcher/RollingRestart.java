package cn.gov.planwatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How {@code ./run.sh restart} asks the running launcher for a rolling restart: a file in the data directory, which
 * the launcher takes (deletes) on its next look. A file rather than a signal: SIGHUP already means the terminal went
 * away (stop everything), and the JVM keeps the user signals for itself.
 */
final class RollingRestart {

    static final String REQUEST_FILE = "restart-request";

    private RollingRestart() {
    }

    /** Whether a rolling restart was asked for since the last look; the request is consumed. */
    static boolean takeRequest(Path dataDir) {
        try {
            return Files.deleteIfExists(dataDir.resolve(REQUEST_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
