package dev.redyellow.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redyellow.files.KnownHashes;
import dev.redyellow.files.Sha256;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hashes kept by the files' stamps in a real SQLite file, across instances as across runs. */
class StampedHashesTest {
    @TempDir
    Path dir;

    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");
    /**
     * A clock an hour ahead: setting a file's mtime moves its change time to now, and a file changed
     * in the last two seconds is never kept; an hour later it is an old file.
     */
    private static final Clock LATER = Clock.offset(Clock.systemUTC(), java.time.Duration.ofHours(1));

    private Path old(String name, String text) throws Exception {
        Path file = dir.resolve("base").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(LONG_AGO));
        return file;
    }

    private static String hash(KnownHashes hashes, Path file) throws Exception {
        return hashes.hash(file, Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aFileUnchangedSinceAnEarlierRunIsNotReadAgainAndAChangedOneIs() throws Exception {
        // (LATER: see there)
        Path a = old("src/A.java", "class A {}");
        Path b = old("src/B.java", "class B {}");
        Path outside = Files.writeString(dir.resolve("outside.txt"), "elsewhere");
        Files.setLastModifiedTime(outside, FileTime.from(LONG_AGO));
        try (Database db = Database.open(dir.resolve("redyellow.db"))) {
            StampedHashes first = new StampedHashes(db, LATER);
            first.prefetch(dir.resolve("base"));
            assertEquals(Sha256.hex(a), hash(first, a));
            assertEquals(Sha256.hex(b), hash(first, b));
            assertEquals(Sha256.hex(b), hash(first, b), "asked again in the same run");
            assertEquals(2, first.computedCount());
            hash(first, outside);
            first.save();

            StampedHashes second = new StampedHashes(db, LATER);
            second.prefetch(dir.resolve("base"));
            assertEquals(Sha256.hex(a), hash(second, a));
            assertEquals(Sha256.hex(b), hash(second, b));
            assertEquals(0, second.computedCount(), "both known by their stamps");
            assertEquals(Sha256.hex(outside), hash(second, outside));
            assertEquals(1, second.computedCount(), "a file outside the folders asked for is read");

            // same size, another content and time: read again
            Files.writeString(a, "class Z {}");
            Files.setLastModifiedTime(a, FileTime.from(LONG_AGO.plusSeconds(1)));
            assertEquals(Sha256.hex(a), hash(second, a));
            assertEquals(2, second.computedCount());

            // same size, content changed, its modification time put back as it was (npm's fixed times,
            // touch -r): the change time still moves, so it is read again
            Files.writeString(a, "class Y {}");
            Files.setLastModifiedTime(a, FileTime.from(LONG_AGO.plusSeconds(1)));
            assertEquals(Sha256.hex(a), hash(second, a));
            assertEquals(3, second.computedCount());
            second.save();

            StampedHashes third = new StampedHashes(db, LATER);
            third.prefetch(dir.resolve("base"));
            assertEquals(Sha256.hex(a), hash(third, a));
            assertEquals(0, third.computedCount(), "the new content's stamp was kept");
        }
    }

    @Test
    void aFileWrittenJustNowIsHashedEveryTimeAndNotKept() throws Exception {
        Path fresh = dir.resolve("base/fresh.txt");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, "just written");
        try (Database db = Database.open(dir.resolve("redyellow.db"))) {
            StampedHashes first = new StampedHashes(db, Clock.systemUTC());
            assertEquals(Sha256.hex(fresh), hash(first, fresh));
            assertEquals(Sha256.hex(fresh), hash(first, fresh));
            assertEquals(2, first.computedCount(), "a write in the same tick would not show in the stamp");
            first.save();
            StampedHashes second = new StampedHashes(db, Clock.systemUTC());
            second.prefetch(dir.resolve("base"));
            hash(second, fresh);
            assertEquals(1, second.computedCount());
        }
    }
}
