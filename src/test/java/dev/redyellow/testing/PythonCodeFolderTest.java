package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pruning the kept compiled code, on real files with set modification times. */
class PythonCodeFolderTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    Path dir;

    private Path entry(String name, int bytes, Duration age) throws Exception {
        Path file = Files.write(dir.resolve(name), new byte[bytes]);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }

    @Test
    void oldEntriesGoThenTheOldestUntilTheRestFitAndCutShortWritesGo() throws Exception {
        Path fresh = entry("aa", 400, Duration.ofMinutes(1));
        Path recent = entry("bb", 400, Duration.ofDays(1));
        Path older = entry("cc", 400, Duration.ofDays(2));
        Path stale = entry("dd", 10, Duration.ofDays(40));
        Path partialOld = entry("ee.1234", 10, Duration.ofHours(2));
        Path partialNew = entry("ff.1234", 10, Duration.ofMinutes(5));

        PythonCodeFolder.Pruned pruned = PythonCodeFolder.prune(dir, 900, Duration.ofDays(30), NOW);

        assertTrue(Files.exists(fresh));
        assertTrue(Files.exists(recent));
        assertFalse(Files.exists(older), "over 900 bytes with it: the oldest goes");
        assertFalse(Files.exists(stale), "unused for longer than the age limit");
        assertFalse(Files.exists(partialOld), "a write cut short an hour ago");
        assertTrue(Files.exists(partialNew), "maybe still being written by a live server");
        assertEquals(new PythonCodeFolder.Pruned(3, 420), pruned);
    }

    @Test
    void aFolderThatIsNotThereOrWithinItsLimitsIsLeftAsItIs() throws Exception {
        assertEquals(new PythonCodeFolder.Pruned(0, 0), PythonCodeFolder.prune(dir.resolve("none"), 10, Duration.ofDays(1), NOW));
        Path a = entry("aa", 100, Duration.ofDays(3));
        assertEquals(new PythonCodeFolder.Pruned(0, 0), PythonCodeFolder.prune(dir, 100, Duration.ofDays(30), NOW));
        assertTrue(Files.exists(a));
    }
}
