package dev.redyellow.testing.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of reused javac contexts against fresh compiles (issue 19): a compile whose class files,
 * success or errors are a fresh compile's passes; one that differs gets a record that names what
 * differs and the compiles made before it, with their sources kept by hash. Real javac, real files.
 */
class ReuseCheckTest {
    @TempDir
    Path tmp;

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private static final List<String> OPTIONS = List.of("-encoding", "UTF-8", "-proc:none", "-cp", "");

    private ReuseCheck check() {
        System.setProperty(ReuseCheck.PROPERTY, tmp.resolve("check").toString());
        try {
            return ReuseCheck.fromProperty();
        } finally {
            System.clearProperty(ReuseCheck.PROPERTY);
        }
    }

    private Path source(String name, String text) throws IOException {
        Path file = tmp.resolve("src").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** A plain compile of {@code sources} into {@code classes}, as the reused context would have made it. */
    private List<Path> compile(List<Path> sources, Path classes, DiagnosticCollector<JavaFileObject> diagnostics)
            throws IOException {
        Files.createDirectories(classes);
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new java.util.ArrayList<>(OPTIONS);
            options.addAll(List.of("-d", classes.toString()));
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
        }
        try (var found = Files.walk(classes)) {
            return found.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void noCheckUnlessAskedFor() {
        System.clearProperty(ReuseCheck.PROPERTY);
        assertEquals(null, ReuseCheck.fromProperty());
    }

    @Test
    void theSameClassFilesAndErrorsPassAndLeaveNoRecord() throws IOException {
        ReuseCheck check = check();
        List<Path> sources = List.of(source("p/A.java", "package p; public class A { static final int K = 1; static class In { int g() { return K; } } }"),
                source("p/B.java", "package p; class B { int f() { return A.K; } }"));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = tmp.resolve("classes");
        List<Path> made = compile(sources, classes, diagnostics);
        assertEquals(3, made.size(), "A, A$In and B were written, and are compared");
        check.compare(javac, OPTIONS, sources, true, diagnostics.getDiagnostics(), classes, made, List.of(),
                check.remember(sources));
        assertArrayEquals(new long[] {1, 0}, check.counts());
        try (var records = Files.list(tmp.resolve("check"))) {
            assertTrue(records.noneMatch(p -> p.getFileName().toString().startsWith("difference")));
        }
    }

    @Test
    void aClassFileThatDiffersIsRecordedWithTheEarlierCompilesAndTheirSources() throws IOException {
        ReuseCheck check = check();
        Path earlier = source("p/E.java", "package p; class E { }");
        List<String> history = new java.util.ArrayList<>(List.of("compile:"));
        history.addAll(check.remember(List.of(earlier)));
        List<Path> sources = List.of(source("p/A.java", "package p; public class A { int f() { return 1; } }"));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = tmp.resolve("classes");
        List<Path> made = compile(sources, classes, diagnostics);
        byte[] bytes = Files.readAllBytes(made.get(0));
        bytes[bytes.length - 1] ^= 1; // what a reused context got wrong
        Files.write(made.get(0), bytes);
        check.compare(javac, OPTIONS, sources, true, diagnostics.getDiagnostics(), classes, made, history,
                check.remember(sources));

        assertArrayEquals(new long[] {1, 1}, check.counts());
        List<String> record = Files.readAllLines(tmp.resolve("check/difference-1/difference.txt"));
        assertTrue(record.contains("class file differs: p/A.class"), record.toString());
        int earlierAt = record.indexOf("earlier compiles on this context, oldest first:");
        assertTrue(earlierAt > 0, record.toString());
        String kept = record.get(earlierAt + 2).split(" ")[0];
        assertEquals("package p; class E { }", Files.readString(tmp.resolve("check/sources").resolve(kept)),
                "the earlier compile's source is kept by its hash, for a replay");
        assertTrue(Files.isRegularFile(tmp.resolve("check/difference-1/reused-classes/p/A.class")));
        assertTrue(Files.isRegularFile(tmp.resolve("check/difference-1/fresh-classes/p/A.class")));
        assertEquals("reused compiles checked: 1, differing: 1", Files.readString(tmp.resolve("check/counts.txt")).strip());
    }

    @Test
    void anErrorTheFreshCompileDoesNotGiveIsRecorded() throws IOException {
        ReuseCheck check = check();
        List<Path> sources = List.of(source("p/A.java", "package p; public class A { }"));
        DiagnosticCollector<JavaFileObject> fresh = new DiagnosticCollector<>();
        Path classes = tmp.resolve("classes");
        List<Path> made = compile(sources, classes, fresh);
        // the reused context said it failed, with the error of another source
        DiagnosticCollector<JavaFileObject> other = new DiagnosticCollector<>();
        compile(List.of(source("q/B.java", "package q; class B { Missing m; }")), tmp.resolve("other"), other);
        check.compare(javac, OPTIONS, sources, false, other.getDiagnostics(), classes, made, List.of(), check.remember(sources));
        List<String> record = Files.readAllLines(tmp.resolve("check/difference-1/difference.txt"));
        assertTrue(record.contains("success: reused false, fresh true"), record.toString());
        assertTrue(record.contains("diagnostics differ"), record.toString());
        assertFalse(record.stream().anyMatch(l -> l.startsWith("class file differs")), record.toString());
    }
}
