package dev.redyellow.files;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The SHA-256 of a regular file's content, read now or remembered for a file whose stamps (path,
 * size, modification time, file identity) have not changed since it was read, as make and git judge
 * a file unchanged. Implementations are thread-safe.
 */
public interface KnownHashes {

    /**
     * The hex SHA-256 of {@code file}'s content.
     *
     * @param attrs the file's attributes as just read (not following links): its stamps
     */
    String hash(Path file, BasicFileAttributes attrs) throws IOException;

    /** Says that files under {@code root} are about to be asked for, so what is known of them can be read at once. */
    default void prefetch(Path root) {
    }

    /** Reads and hashes every file every time. */
    KnownHashes READ_EACH_TIME = (file, attrs) -> Sha256.hex(file);
}
