package dev.redyellow.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceFilesTest {
    @TempDir
    Path temp;

    @Test
    void aWorkspaceTravelsByHashAndComesBackWhole() throws Exception {
        Path source = Files.createDirectories(temp.resolve("source"));
        Files.createDirectories(source.resolve("src/empty"));
        Files.writeString(source.resolve("src/a.py"), "same");
        Files.writeString(source.resolve("b.py"), "same");
        Files.writeString(source.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(source.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path shared = Files.createDirectories(temp.resolve("shared"));
        Files.createSymbolicLink(source.resolve("node_modules"), shared);

        Map<String, byte[]> contents = new HashMap<>();
        WorkspaceFiles files = WorkspaceFiles.take(source, hash -> true, contents);
        assertEquals(2, contents.size(), "two distinct contents for three files");
        assertEquals(2, files.hashes().size());
        WorkspaceFiles travelled = roundTrip(files);

        Path target = Files.createDirectories(temp.resolve("target"));
        travelled.materialise(target, contents);
        assertEquals("same", Files.readString(target.resolve("src/a.py")));
        assertEquals("same", Files.readString(target.resolve("b.py")));
        assertTrue(Files.isExecutable(target.resolve("run.sh")));
        assertTrue(Files.isDirectory(target.resolve("src/empty")));
        assertEquals(shared, Files.readSymbolicLink(target.resolve("node_modules")));
    }

    @Test
    void onlyContentsNotYetSentAreRead() throws IOException {
        Path source = Files.createDirectories(temp.resolve("source"));
        Files.writeString(source.resolve("a"), "old");
        Files.writeString(source.resolve("b"), "new");
        String old = WorkspaceFiles.sha256("old".getBytes());
        Map<String, byte[]> contents = new HashMap<>();
        WorkspaceFiles.take(source, hash -> !hash.equals(old), contents);
        assertEquals(Set.of(WorkspaceFiles.sha256("new".getBytes())), contents.keySet());
        assertArrayEquals("new".getBytes(), contents.values().iterator().next());
    }

    @Test
    void aPathThatLeadsOutsideIsRefused() throws IOException {
        Path target = Files.createDirectories(temp.resolve("target"));
        String hash = WorkspaceFiles.sha256("x".getBytes());
        WorkspaceFiles escaping = new WorkspaceFiles(Map.of("../outside", hash), Set.of(), Map.of(), List.of());
        IOException e = assertThrows(IOException.class, () -> escaping.materialise(target, Map.of(hash, "x".getBytes())));
        assertTrue(e.getMessage().contains("../outside"), e.getMessage());
        assertTrue(Files.notExists(temp.resolve("outside")));
    }

    private static WorkspaceFiles roundTrip(WorkspaceFiles files) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(files);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (WorkspaceFiles) in.readObject();
        }
    }
}
