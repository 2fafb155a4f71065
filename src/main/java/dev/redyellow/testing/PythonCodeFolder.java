package dev.redyellow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder where the warm pytest servers keep compiled code from one RedYellow run to the next, as
 * Python keeps {@code __pycache__}: the code of a module or rewritten test file, keyed by its source's
 * hash, its path in the workspace, the interpreter and pytest ({@code CodeCache} in pytest_server.py).
 * Deleting it is always safe; the next run compiles again. It is pruned when a pool lets go of it:
 * entries unused for {@link #MAX_AGE} go, then the oldest until it holds at most {@link #MAX_BYTES}, and
 * half-written files a killed server left.
 */
public final class PythonCodeFolder {

    /** At most this much compiled code is kept. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;
    /** An entry no run has read or written for this long is removed (a read refreshes it daily). */
    public static final Duration MAX_AGE = Duration.ofDays(30);
    /** A server writes an entry as {@code KEY.PID} and renames it; one left that long was cut short. */
    private static final Duration PARTIAL_AGE = Duration.ofHours(1);

    private PythonCodeFolder() {
    }

    /** {@code ~/.redyellow/python-code}. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), ".redyellow", "python-code");
    }

    /** What {@link #prune} removed. */
    public record Pruned(int files, long bytes) {
    }

    /**
     * Removes entries older than {@code maxAge}, then the oldest until the rest fit in
     * {@code maxBytes}, and partial files older than an hour. Entries another process removes at the
     * same time are skipped; a folder that does not exist prunes nothing.
     */
    public static Pruned prune(Path folder, long maxBytes, Duration maxAge, Instant now) throws IOException {
        record Entry(Path path, long size, Instant modified, boolean partial) {
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        entries.add(new Entry(path, attributes.size(), attributes.lastModifiedTime().toInstant(),
                                path.getFileName().toString().contains(".")));
                    }
                } catch (NoSuchFileException gone) {
                    // renamed into place or pruned by another process meanwhile
                }
            }
        } catch (NoSuchFileException | UncheckedIOException none) {
            return new Pruned(0, 0);
        }
        entries.sort(Comparator.comparing(Entry::modified).reversed()); // newest first
        int removed = 0;
        long removedBytes = 0;
        long kept = 0;
        for (Entry e : entries) {
            boolean old = e.partial() ? e.modified().isBefore(now.minus(PARTIAL_AGE)) : e.modified().isBefore(now.minus(maxAge));
            boolean over = !e.partial() && kept + e.size() > maxBytes;
            if (old || over) {
                if (Files.deleteIfExists(e.path())) {
                    removed++;
                    removedBytes += e.size();
                }
            } else if (!e.partial()) {
                kept += e.size();
            }
        }
        return new Pruned(removed, removedBytes);
    }
}
