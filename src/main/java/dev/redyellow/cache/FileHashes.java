package dev.redyellow.cache;

import dev.redyellow.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SHA-256 of files, remembered while a file's absolute path, size, modification time and file
 * identity stay the same, so keys over big workspaces read only what changed. Thread-safe.
 *
 * <p>On a file system that keeps whole seconds only, a file rewritten within the same second with
 * the same size would look unchanged; such "racy" files (modified within the last two seconds, at a
 * whole second) are hashed again on every call rather than remembered.
 */
public final class FileHashes {
    public static final int DEFAULT_CAPACITY = 200_000;
    private static final long RACY_MILLIS = 2_000;

    private record Stamp(long size, FileTime modified, Object fileKey) {
    }

    private record Known(Stamp stamp, String hash) {
    }

    private final Map<Path, Known> known;
    private final Clock clock;
    private final AtomicLong computed = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();

    public FileHashes() {
        this(DEFAULT_CAPACITY, Clock.systemUTC());
    }

    /** @param capacity how many files to remember; the least recently used are forgotten first */
    public FileHashes(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.known = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Known> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The hex SHA-256 of the file's content; of a symbolic link, the SHA-256 of its target text
     * (prefixed, so it differs from a file holding that text): a link is never read through.
     */
    public String hash(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            return linkHash(absolute);
        }
        Stamp stamp = stamp(absolute);
        synchronized (known) {
            Known remembered = known.get(absolute);
            if (remembered != null && remembered.stamp().equals(stamp)) {
                return remembered.hash();
            }
        }
        String hash = compute(absolute);
        // Re-read the stamp: a file changed while it was read must not be remembered under the old one.
        if (stamp.equals(stamp(absolute)) && !isRacy(stamp)) {
            synchronized (known) {
                known.put(absolute, new Known(stamp, hash));
            }
        }
        return hash;
    }

    /** How many times a file's content was actually read and hashed (for tests and benchmarks). */
    public long computedCount() {
        return computed.get();
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    /** Forgets every file under {@code folder}, e.g. when a workspace is deleted. */
    public void forgetUnder(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        synchronized (known) {
            known.keySet().removeIf(p -> p.startsWith(root));
        }
    }

    private boolean isRacy(Stamp stamp) {
        long millis = stamp.modified().toMillis();
        boolean wholeSecond = stamp.modified().to(TimeUnit.NANOSECONDS) % 1_000_000_000L == 0;
        return wholeSecond && clock.millis() - millis < RACY_MILLIS;
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + file, e);
        }
    }

    private static String linkHash(Path link) {
        try {
            MessageDigest digest = Sha256.digest();
            digest.update(("symlink\0" + Files.readSymbolicLink(link)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Sha256.hex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the link " + link, e);
        }
    }

    private String compute(Path file) {
        MessageDigest digest = Sha256.digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                bytesRead.addAndGet(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        computed.incrementAndGet();
        return Sha256.hex(digest);
    }
}
