package dev.redyellow.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.manifest.FileSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceTest {
    @TempDir
    Path tmp;

    @Test
    void holdsBaseThenLayersInOrder() throws Exception {
        Path base = Files.createDirectories(tmp.resolve("project/base"));
        Files.writeString(Files.createDirectories(base.resolve("lib")).resolve("Shared.java"), "base");
        Files.writeString(base.resolve("README"), "readme");
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base);
        Workspace ws = factory.create("slugify", "attempt1", List.of(
                FileSet.ofText(Map.of("src/A.java", "dependency")),
                FileSet.ofText(Map.of("src/A.java", "attempt", "lib/Shared.java", "overridden"))));
        assertEquals("attempt", Files.readString(ws.root().resolve("src/A.java")));
        assertEquals("overridden", Files.readString(ws.root().resolve("lib/Shared.java")));
        assertEquals("readme", Files.readString(ws.root().resolve("README")));
        // overriding a linked base file replaced the link; the base itself is untouched
        assertEquals("base", Files.readString(base.resolve("lib/Shared.java")));
    }

    @Test
    void parallelWorkspacesNeverShareFiles() throws Exception {
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), null);
        Workspace a = factory.create("a", "red", List.of(FileSet.ofText(Map.of("x.txt", "a"))));
        Workspace b = factory.create("b", "red", List.of(FileSet.ofText(Map.of("y.txt", "b"))));
        assertFalse(a.root().equals(b.root()));
        assertFalse(Files.exists(a.root().resolve("y.txt")));
        assertFalse(Files.exists(b.root().resolve("x.txt")));
    }

    @Test
    void aTestScribblingOnABaseFileCannotReachTheUsersProject() throws Exception {
        Path base = Files.createDirectories(tmp.resolve("base"));
        Files.writeString(base.resolve("data.txt"), "original");
        Workspace ws = new WorkspaceFactory(tmp.resolve("run"), base).create("a", "red", List.of());
        Files.writeString(ws.root().resolve("data.txt"), "scribbled");
        assertEquals("original", Files.readString(base.resolve("data.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.txt", "/etc/passwd", "a/../../b", "C:/x", "a\\b", "a//b", "./a", ""})
    void refusesPathsThatAreNotPlainRelativePaths(String bad) throws Exception {
        Workspace ws = new WorkspaceFactory(tmp.resolve("run"), null).create("a", "red", List.of());
        assertThrows(IllegalArgumentException.class, () -> ws.write(FileSet.ofText(Map.of(bad, "x"))));
        assertFalse(Files.exists(tmp.resolve("escape.txt")));
    }

    @Test
    void refusesToWriteThroughALinkThatLeadsOutside() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path base = Files.createDirectories(tmp.resolve("base"));
        Workspace ws = new WorkspaceFactory(tmp.resolve("run"), base).create("a", "red", List.of());
        Files.createSymbolicLink(ws.root().resolve("out"), outside);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ws.write(FileSet.ofText(Map.of("out/evil.txt", "x"))));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        assertFalse(Files.exists(outside.resolve("evil.txt")));
    }

    @Test
    void deleteRemovesEverything() throws Exception {
        Workspace ws = new WorkspaceFactory(tmp.resolve("run"), null).create("a", "red",
                List.of(FileSet.ofText(Map.of("deep/er/file.txt", "x"))));
        ws.delete();
        assertFalse(Files.exists(ws.root()));
    }
}
