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

    /** Each javac call is timed on javac's own thread, for the bench's split of a compile's time. */
    @Test
    void eachJavacCallIsTimedOnItsOwnThread() throws Exception {
        Path src = Files.createDirectories(ws.resolve("src/main/java/p"));
        Files.writeString(src.resolve("T.java"), "package p; public class T { int f() { return 1; } }\n");
        long before = JavacTimes.count();
        Thread.currentThread().interrupt(); // javac's thread is not this one: nothing of it reaches javac
        WorkspaceCompiler.Compilation c;
        boolean interruptedAfter;
        try {
            c = new WorkspaceCompiler().compile(ws, ws.resolve(".redyellow/classes"), List.of());
        } finally {
            interruptedAfter = Thread.interrupted(); // cleared whatever happened: no later test inherits it
        }
        assertTrue(interruptedAfter, "the caller's interrupt is kept");
        assertEquals(List.of(), c.errors());
        List<JavacTimes.Call> calls = JavacTimes.since(before);
        assertTrue(calls.size() >= 1, "at least this compile's call (other tests may compile meanwhile): " + calls);
        JavacTimes.Call last = calls.get(calls.size() - 1);
        assertTrue(last.wallNanos() > 0, String.valueOf(last));
        if (java.lang.management.ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()) {
            assertTrue(last.cpuNanos() > 0, "javac's thread's CPU: " + last);
        }
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

    private static final long SMALL_STACK = 256 << 10;

    @Test
    void whenJavacCrashesTheCompileIsDoneAgainAndIsNoCompileError() throws Exception {
        Path src = Files.createDirectories(ws.resolve("src/main/java/p"));
        Files.writeString(src.resolve("Deep.java"), DeepCode.nested("p", "Deep", 20_000));
        // the case: javac on this stack says only "failed", with no error at all
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> said = new javax.tools.DiagnosticCollector<>();
        Object plain = DeepCode.onStack(SMALL_STACK, () -> {
            try (var files = javac.getStandardFileManager(null, null, null)) {
                return javac.getTask(new java.io.StringWriter(), files, said, List.of("-d", outside.resolve("plain").toString()),
                        null, files.getJavaFileObjects(src.resolve("Deep.java"))).call();
            }
        });
        assertEquals(Boolean.FALSE, plain, "javac crashes on this stack");
        assertEquals(List.of(), said.getDiagnostics(), "and reports nothing");

        int i = 0;
        for (WorkspaceCompiler compiler : List.of(new WorkspaceCompiler(), new WorkspaceCompiler(true),
                WorkspaceCompiler.reusingContexts(false))) {
            Path classes = outside.resolve("classes-" + i++);
            long before = WorkspaceCompiler.compilesDoneAgainAfterACrash();
            // javac runs on a thread of its own: its stack is the one made small
            Object c = DeepCode.onJavacStack(SMALL_STACK, () -> compiler.compile(ws, classes, List.of()));
            assertTrue(c instanceof WorkspaceCompiler.Compilation, String.valueOf(c));
            assertEquals(List.of(), ((WorkspaceCompiler.Compilation) c).errors(), "valid code: no compile error");
            assertTrue(Files.isRegularFile(classes.resolve("p/Deep.class")));
            assertEquals(before + 1, WorkspaceCompiler.compilesDoneAgainAfterACrash(), "done again after the crash");
        }
    }

    @Test
    void aCompileThatCrashesAgainIsAnErrorOfTheRunThatNamesTheCrash() throws Exception {
        Path src = Files.createDirectories(ws.resolve("src/main/java/p"));
        Files.writeString(src.resolve("Deep.java"), DeepCode.nested("p", "Deep", 20_000));
        WorkspaceCompiler.CompilerCrashException e = org.junit.jupiter.api.Assertions.assertThrows(
                WorkspaceCompiler.CompilerCrashException.class, () -> WorkspaceCompiler.compileAgain(
                        javax.tools.ToolProvider.getSystemJavaCompiler(), ws, WorkspaceCompiler.sources(ws),
                        List.of("-d", outside.resolve("again").toString(), "-proc:none"), "java.lang.StackOverflowError", SMALL_STACK));
        assertTrue(e.getMessage().contains("javac crashed compiling 1 sources of " + ws + ", twice"), e.getMessage());
        assertTrue(e.getMessage().contains("java.lang.StackOverflowError"), e.getMessage());
        assertTrue(e.getMessage().endsWith("not a verdict on the code"), e.getMessage());
    }

    @Test
    void theCrashLineIsTheExceptionJavacPrinted() {
        String printed = """
                An exception has occurred in the compiler (17.0.15). Please file a bug against the Java compiler.
                java.lang.OutOfMemoryError: Java heap space
                	at jdk.compiler/com.sun.tools.javac.comp.Attr.attribTree(Attr.java:1)
                """;
        assertEquals("java.lang.OutOfMemoryError: Java heap space", WorkspaceCompiler.crashLine(printed));
        assertEquals("error: some fatal text", WorkspaceCompiler.crashLine("\nerror: some fatal text\n"));
        assertEquals("javac printed nothing about it", WorkspaceCompiler.crashLine(""));
    }
}
