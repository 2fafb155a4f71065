package dev.redyellow.testing.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What javac is given from a workspace, with the real compiler. */
class WorkspaceCompilerTest {
    @TempDir
    Path ws;
    @TempDir
    Path outside;

    @Test
    void aJavaFileThatIsALinkIsNeverReadThrough() throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.txt"), "top secret: hunter2\n");
        Path src = Files.createDirectories(ws.resolve("src/main/java/p"));
        Files.writeString(src.resolve("Fine.java"), "package p; public class Fine { }\n");
        Files.createSymbolicLink(src.resolve("Evil.java"), secret);
        WorkspaceCompiler.Compilation c = new WorkspaceCompiler().compile(ws, ws.resolve(".redyellow/classes"), List.of());
        assertEquals(List.of(), c.errors(), "the link's content was never compiled");
        assertEquals(1, c.sources());
        assertTrue(Files.isRegularFile(ws.resolve(".redyellow/classes/p/Fine.class")));
        assertFalse(String.join("\n", c.errors()).contains("hunter2"));
    }
}
