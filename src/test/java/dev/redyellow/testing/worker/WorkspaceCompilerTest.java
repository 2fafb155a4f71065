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

    @Test
    void theRunsCompilerReusesJavacContextsUnlessToldNotTo() throws Exception {
        WorkspaceCompiler runs = WorkspaceCompiler.forRuns(false);
        for (String name : List.of("A", "B", "C", "D")) {
            Path src = Files.createDirectories(ws.resolve(name + "/src/main/java/p"));
            Files.writeString(src.resolve(name + ".java"), "package p; public class " + name + " { }\n");
        }
        String given = System.getProperty(WorkspaceCompiler.REUSE_PROPERTY);
        System.setProperty(WorkspaceCompiler.REUSE_PROPERTY, "false");
        try {
            long before = WorkspaceCompiler.compilesInReusedContexts();
            runs.compile(ws.resolve("A"), ws.resolve("A/classes"), List.of());
            runs.compile(ws.resolve("B"), ws.resolve("B/classes"), List.of());
            assertEquals(before, WorkspaceCompiler.compilesInReusedContexts(), "told not to: fresh compiles");
            assertEquals("", WorkspaceCompiler.contextsNotReused(), "nothing to say when reuse is off");
        } finally {
            System.clearProperty(WorkspaceCompiler.REUSE_PROPERTY);
        }
        try {
            if (!ReusedJavac.shared().unavailable().isEmpty()) {
                return; // this JVM cannot reuse them anyway (no export): nothing more to see
            }
            long before = WorkspaceCompiler.compilesInReusedContexts();
            runs.compile(ws.resolve("C"), ws.resolve("C/classes"), List.of());
            runs.compile(ws.resolve("D"), ws.resolve("D/classes"), List.of());
            assertTrue(WorkspaceCompiler.compilesInReusedContexts() > before, "by default D compiles in the context C made");
        } finally {
            if (given != null) {
                System.setProperty(WorkspaceCompiler.REUSE_PROPERTY, given); // as the JVM running the tests was told
            }
        }
    }
}
