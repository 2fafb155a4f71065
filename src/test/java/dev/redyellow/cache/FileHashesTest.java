package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHashesTest {
    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");

    @TempDir
    Path dir;
    private final FileHashes hashes = new FileHashes(1000, Clock.fixed(NOW, ZoneOffset.UTC));

    private Path file(String name, String text, Instant modified) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void hashesAnUnchangedFileOnlyOnce() throws IOException {
        Path file = file("a.txt", "hello", NOW.minusSeconds(60));
        String first = hashes.hash(file);
        String second = hashes.hash(file);
        assertEquals(first, second);
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", first);
        assertEquals(1, hashes.computedCount());
    }

    @Test
    void hashesAgainWhenTheSizeOrTheModificationTimeChanges() throws IOException {
        Path file = file("a.txt", "hello", NOW.minusSeconds(60));
        String hello = hashes.hash(file);
        file("a.txt", "hello, world", NOW.minusSeconds(60));
        String longer = hashes.hash(file);
        file("a.txt", "jello, world", NOW.minusSeconds(30));
        String touched = hashes.hash(file);
        assertNotEquals(hello, longer);
        assertNotEquals(longer, touched);
        assertEquals(3, hashes.computedCount());
    }

    @Test
    void keepsHashingAFileModifiedWithinTheLastSecondsOnAWholeSecond() throws IOException {
        Path file = file("a.txt", "hello", NOW.minusSeconds(1));
        hashes.hash(file);
        hashes.hash(file);
        assertEquals(2, hashes.computedCount());
    }

    @Test
    void forgetsTheFilesUnderAFolder() throws IOException {
        Path file = file("a.txt", "hello", NOW.minusSeconds(60));
        hashes.hash(file);
        hashes.forgetUnder(dir);
        hashes.hash(file);
        assertEquals(2, hashes.computedCount());
    }

    @Test
    void remembersAtMostItsCapacity() throws IOException {
        FileHashes small = new FileHashes(1, Clock.fixed(NOW, ZoneOffset.UTC));
        Path a = file("a.txt", "a", NOW.minusSeconds(60));
        Path b = file("b.txt", "b", NOW.minusSeconds(60));
        small.hash(a);
        small.hash(b);
        small.hash(b);
        small.hash(a);
        assertEquals(3, small.computedCount());
    }

    @Test
    void hashesALinkByItsTargetTextNeverByWhatItPointsAt() throws IOException {
        Path secret = file("secret.txt", "root:x:0:0", NOW.minusSeconds(60));
        Path link = Files.createSymbolicLink(dir.resolve("passwd"), secret);
        String before = hashes.hash(link);
        Files.writeString(secret, "something else entirely");
        assertEquals(before, hashes.hash(link), "the target's content must not matter");
        assertNotEquals(hashes.hash(secret), before);
        Path plain = file("plain.txt", secret.toString(), NOW.minusSeconds(60));
        assertNotEquals(hashes.hash(plain), before, "a link and a file holding its target text differ");
        Files.delete(link);
        Files.createSymbolicLink(link, Path.of("elsewhere/passwd"));
        assertNotEquals(before, hashes.hash(link), "another target, another hash");
        Files.delete(secret);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone"));
        assertEquals(64, hashes.hash(dangling).length(), "a dangling link hashes too");
    }
}
