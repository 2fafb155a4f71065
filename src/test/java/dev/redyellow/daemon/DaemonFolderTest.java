package dev.redyellow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonFolderTest {
    @TempDir
    Path dir;

    @Test
    void aNewFolderIsItsUsersAloneAndAnOpenOneIsRefusedUnchanged() throws IOException {
        DaemonFolder made = new DaemonFolder(dir.resolve("a/b/daemon"));
        made.make();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made.root())));
        made.make(); // again: nothing to do

        assertTrue(made.isPrivate());
        Path link = Files.createSymbolicLink(dir.resolve("link"), made.root());
        assertFalse(new DaemonFolder(link).isPrivate(), "a link to it: whoever made the link chose where it leads");
        IOException linked = assertThrows(IOException.class, () -> new DaemonFolder(link).make());
        assertTrue(linked.getMessage().contains("is a symbolic link"), linked.getMessage());

        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        IOException refused = assertThrows(IOException.class, () -> new DaemonFolder(shared).make());
        assertTrue(refused.getMessage().contains("open to other users (rwxrwxrwx)"), refused.getMessage());
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)), "never changed");
        assertFalse(new DaemonFolder(shared).isPrivate(), "no client talks to a socket there");
    }

    @Test
    void aSocketPathLongerThanTheSystemAllowsIsNoDaemon() {
        assertTrue(new DaemonFolder(dir).socketFits("0123456789abcdef01234567"));
        assertFalse(new DaemonFolder(dir.resolve("x".repeat(90))).socketFits("0123456789abcdef01234567"));
    }

    @Test
    void sweepingRemovesOtherIdentitiesOldFilesButNotHeldOrRecentOnes() throws IOException {
        DaemonFolder folder = new DaemonFolder(dir.resolve("d"));
        folder.make();
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(8)));
        for (String id : new String[] {"aaaa", "bbbb", "cccc", "dddd"}) {
            for (Path file : new Path[] {folder.log(id), folder.lock(id)}) {
                Files.writeString(file, "x");
                Files.setLastModifiedTime(file, old);
            }
        }
        Files.writeString(folder.refused("aaaa"), "why");
        Files.setLastModifiedTime(folder.refused("aaaa"), old);
        Files.setLastModifiedTime(folder.log("cccc"), FileTime.from(Instant.now()));
        Files.writeString(dir.resolve("d/notes.txt"), "not a daemon's");
        Files.setLastModifiedTime(dir.resolve("d/notes.txt"), old);
        try (FileChannel channel = FileChannel.open(folder.lock("dddd"), StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            assertTrue(folder.held("dddd"));
            folder.sweep("bbbb", Duration.ofDays(7));
        }
        assertFalse(Files.exists(folder.log("aaaa")));
        assertFalse(Files.exists(folder.lock("aaaa")));
        assertFalse(Files.exists(folder.refused("aaaa")));
        assertTrue(Files.exists(folder.log("bbbb")), "its own");
        assertTrue(Files.exists(folder.log("cccc")), "written lately");
        assertFalse(Files.exists(folder.lock("cccc")));
        assertTrue(Files.exists(folder.lock("dddd")), "held by a daemon");
        assertTrue(Files.exists(dir.resolve("d/notes.txt")));
        assertFalse(folder.held("dddd"));
    }
}
