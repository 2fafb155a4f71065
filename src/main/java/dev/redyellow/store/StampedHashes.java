package dev.redyellow.store;

import dev.redyellow.files.FileStat;
import dev.redyellow.files.KnownHashes;
import dev.redyellow.files.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Content hashes kept in the RedYellow file by the stamps of the file they were read from (absolute
 * path, size, modification and change times to the nanosecond, file identity), so a run reads and hashes only
 * the files of the base and of its dependency folders that changed since an earlier run (issue 19:
 * "a key from the stored hashes of unchanged inputs, stat only"). A file modified within the last two
 * seconds is hashed every time and not kept: a write in the same tick as the stamp would not show.
 * What a run learnt is written once, by {@link #save}; a file that cannot be read or written costs
 * the speed, never the hash. Thread-safe.
 */
public final class StampedHashes implements KnownHashes {
    private static final System.Logger LOG = System.getLogger(StampedHashes.class.getName());
    /** How many files the RedYellow file keeps stamps of; those learnt longest ago go first. */
    static final int KEPT = 200_000;
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);
    /**
     * A file changed less than this long ago is hashed but not kept: a write within the same clock
     * tick could hide behind its stamp. So a folder copied just before a run is hashed again by the
     * next run too.
     */
    public static final java.time.Duration RACY = java.time.Duration.ofNanos(RACY_NANOS);

    private record Stamp(long size, long modifiedNanos, long changedNanos, String fileKey) {
    }

    private record Known(Stamp stamp, String hash) {
    }

    private final Database database;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Known> learnt = new ConcurrentHashMap<>();
    private final Set<String> prefetched = ConcurrentHashMap.newKeySet();
    private final AtomicLong computed = new AtomicLong();

    public StampedHashes(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void prefetch(Path root) {
        String prefix = root.toAbsolutePath().normalize() + "/";
        if (!prefetched.add(prefix)) {
            return;
        }
        try {
            database.read(c -> {
                // every path under the folder: from "root/" up to, not including, "root0" ('0' follows '/')
                try (PreparedStatement query = c.prepareStatement("SELECT path, size, modified_ns, changed_ns, file_key, hash "
                        + "FROM file_stamps WHERE path >= ? AND path < ?")) {
                    query.setString(1, prefix);
                    query.setString(2, prefix.substring(0, prefix.length() - 1) + "0");
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            known.putIfAbsent(rows.getString(1), new Known(new Stamp(rows.getLong(2), rows.getLong(3),
                                    rows.getLong(4), rows.getString(5)), rows.getString(6)));
                        }
                    }
                }
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "cannot read the kept hashes of " + root + "; hashing its files", e);
        }
    }

    @Override
    public String hash(Path file, BasicFileAttributes attrs) throws IOException {
        String path = file.toAbsolutePath().normalize().toString();
        Stamp stamp = stamp(file, attrs);
        Known k = known.get(path);
        if (k != null && k.stamp().equals(stamp)) {
            return k.hash();
        }
        String hash = Sha256.hex(file);
        computed.incrementAndGet();
        // kept only if the file did not change while it was read, and is not so new a same-tick write could hide
        Stamp after = stamp(file, FileStat.of(file));
        long age = TimeUnit.MILLISECONDS.toNanos(clock.millis()) - Math.max(stamp.modifiedNanos(), stamp.changedNanos());
        if (after.equals(stamp) && age > RACY_NANOS) {
            Known fresh = new Known(stamp, hash);
            known.put(path, fresh);
            learnt.put(path, fresh);
        }
        return hash;
    }

    /** How many files were read and hashed (not known by their stamps), for tests and benchmarks. */
    public long computedCount() {
        return computed.get();
    }

    /** Writes what was learnt since the last save, and forgets those learnt longest ago beyond {@link #KEPT}. */
    public void save() {
        Map<String, Known> batch = new HashMap<>(learnt);
        if (batch.isEmpty()) {
            return;
        }
        long now = clock.millis();
        try {
            database.write(c -> {
                try (PreparedStatement upsert = c.prepareStatement("INSERT OR REPLACE INTO file_stamps "
                        + "(path, size, modified_ns, changed_ns, file_key, hash, used_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (Map.Entry<String, Known> e : batch.entrySet()) {
                        Stamp s = e.getValue().stamp();
                        upsert.setString(1, e.getKey());
                        upsert.setLong(2, s.size());
                        upsert.setLong(3, s.modifiedNanos());
                        upsert.setLong(4, s.changedNanos());
                        upsert.setString(5, s.fileKey());
                        upsert.setString(6, e.getValue().hash());
                        upsert.setLong(7, now);
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
                try (PreparedStatement prune = c.prepareStatement("DELETE FROM file_stamps WHERE path IN (SELECT path "
                        + "FROM file_stamps ORDER BY used_ms DESC LIMIT -1 OFFSET " + KEPT + ")")) {
                    prune.executeUpdate();
                }
                return null;
            });
            batch.keySet().forEach(learnt::remove);
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "cannot keep the hashes of " + batch.size() + " files", e);
        }
    }

    /**
     * The file's stamp. The change time is in it as in git's index: content can change with size,
     * modification time and inode all kept (npm writes every file with one fixed time, and a reinstall
     * may reuse the inodes), but every write moves the change time, and nobody can set it back.
     */
    private static Stamp stamp(Path file, BasicFileAttributes attrs) throws IOException {
        // a FileStat carries the change time from the same stat; plain attributes need a second one
        FileTime changed = attrs instanceof FileStat stat ? stat.changed()
                : (FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        return new Stamp(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                changed.to(TimeUnit.NANOSECONDS), String.valueOf(attrs.fileKey()));
    }
}
