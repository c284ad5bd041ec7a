package cn.gov.planwatch.auth.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes secrets to a file only its owner can read (600), in directories only its owner can enter. The temp file is created with those permissions, so
 * the secrets are never readable by others even for a moment, and moved into place so that a crash mid-write
 * never leaves a half-written file that a later start would reject.
 */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    public static void write(Path file, String content) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir, ownerOnly("rwx------"));
            Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", ownerOnly("rw-------"));
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Directories this creates hold nothing but secrets (or the data directory, which holds more of them). */
    private static FileAttribute<?>[] ownerOnly(String permissions) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }
}
