package dev.redyellow.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker member killed with -9 cannot delete its folder in the temporary folder; the next member
 * started there deletes it. Real folders, a real process that has ended, and this live one.
 */
class ClusterMemberLeftoversTest {
    @TempDir
    Path temp;

    private Path folder(String name, String owner) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        Files.createDirectories(folder.resolve("run-1/workspace"));
        Files.writeString(folder.resolve("run-1/workspace/test_slow.py"), "import unittest\n");
        if (owner != null) {
            Files.writeString(folder.resolve(ClusterMember.OWNER_FILE), owner);
        }
        return folder;
    }

    @Test
    void theFolderOfAMemberWhoseProcessIsGoneIsDeletedAndNoOtherOne() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertTrue(ended.waitFor(30, TimeUnit.SECONDS));
        Path killed = folder(ClusterMember.FOLDER_PREFIX + "killed", Long.toString(ended.pid()));
        Path living = folder(ClusterMember.FOLDER_PREFIX + "living", Long.toString(ProcessHandle.current().pid()));
        Path unknown = folder(ClusterMember.FOLDER_PREFIX + "older", null);
        Path garbled = folder(ClusterMember.FOLDER_PREFIX + "garbled", "not a pid");
        Path other = folder("someone-else-" + ended.pid(), Long.toString(ended.pid()));

        assertEquals(1, ClusterMember.removeLeftovers(temp));
        assertFalse(Files.exists(killed), "its owner has ended");
        assertTrue(Files.isRegularFile(living.resolve("run-1/workspace/test_slow.py")), "its owner lives");
        assertTrue(Files.exists(unknown), "no owner file: not known to be a member's");
        assertTrue(Files.exists(garbled));
        assertTrue(Files.exists(other), "not a member's folder");
    }
}
