package cn.gov.planwatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * {@code .data/pids/<name>.pid}: the PID of each process the launcher started, and a marker that its command line
 * must contain (a jar, a config file, a data directory). A launcher killed with -9 cannot stop its children; the next
 * one finds them here. The marker keeps it from killing an unrelated process that got a recycled PID.
 */
public final class PidFiles {

    /** A pid file's content. */
    public record Entry(String name, long pid, String marker) {
    }

    public enum Verdict {
        /** The process is alive and is ours: a leftover from an earlier launcher. */
        LEFTOVER,
        /** No such process any more. */
        GONE,
        /** The PID now belongs to someone else. */
        RECYCLED
    }

    private final Path dir;

    public PidFiles(Path dir) {
        this.dir = dir;
    }

    public void write(String name, long pid, String marker) {
        try {
            Files.createDirectories(dir);
            Files.writeString(file(name), pid + "\n" + marker + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All entries; unreadable files are dropped, as they cannot name anything safely. */
    public List<Entry> entries() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                Optional<Entry> entry = parse(name, Files.readString(file));
                if (entry.isPresent()) {
                    entries.add(entry.get());
                } else {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static Optional<Entry> parse(String name, String content) {
        String[] lines = content.strip().split("\n", 2);
        if (lines.length < 2 || lines[1].isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Entry(name, Long.parseLong(lines[0].trim()), lines[1].trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Decides what a pid file's process is now.
     *
     * @param commandLines the command line of a live process, empty if there is none
     */
    public static Verdict judge(Entry entry, LongFunction<Optional<String>> commandLines) {
        return commandLines.apply(entry.pid())
                .map(commandLine -> commandLine.contains(entry.marker()) ? Verdict.LEFTOVER : Verdict.RECYCLED)
                .orElse(Verdict.GONE);
    }

    private Path file(String name) {
        return dir.resolve(name + ".pid");
    }
}
