package dev.redyellow.testing.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The base compiled once per hash, with the real javac and class loading. */
class BaseClassesTest {
    private static final String H1 = "aaaaaaaaaaaaaaaa1111";
    private static final String H2 = "bbbbbbbbbbbbbbbb2222";

    @TempDir
    Path tmp;

    private Path base(String name, String body) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name).resolve("p"));
        Files.writeString(dir.resolve("Rates.java"), "package p; public class Rates { public static String v() { return \"" + body + "\"; } }\n");
        return tmp.resolve(name);
    }

    private static String call(List<Path> classPath) throws Exception {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classPath.get(i).toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, null)) {
            return (String) loader.loadClass("p.Rates").getMethod("v").invoke(null);
        }
    }

    @Test
    void compilesOncePerHashAndAChangedBaseGetsItsOwnFolder() throws Exception {
        BaseClasses shared = new BaseClasses(tmp.resolve("shared"), new WorkspaceCompiler());
        Path first = shared.classesOf(H1, base("b1", "one"), List.of()).orElseThrow();
        assertEquals("one", call(List.of(first)));
        // the same hash is not compiled again: the source going away changes nothing
        Files.delete(tmp.resolve("b1/p/Rates.java"));
        assertEquals(Optional.of(first), shared.classesOf(H1, tmp.resolve("b1"), List.of()));
        // a new compiler (a new worker) finds the finished folder too
        assertEquals(Optional.of(first), new BaseClasses(tmp.resolve("shared"), new WorkspaceCompiler())
                .classesOf(H1, tmp.resolve("b1"), List.of()));
        Path second = shared.classesOf(H2, base("b2", "two"), List.of()).orElseThrow();
        assertNotEquals(first, second);
        assertEquals("two", call(List.of(second)), "a changed base never answers with the old classes");
        assertEquals("one", call(List.of(first)));
    }

    /**
     * javac crashing twice on a base (WorkspaceCompiler's CompilerCrashException) is no answer: the
     * folder compiled aside goes, nothing is remembered, and a later call compiles again.
     */
    @Test
    void aCompileThatCrashesLeavesNoFolderAndIsTriedAgain() throws Exception {
        BaseClasses shared = new BaseClasses(tmp.resolve("shared"), new WorkspaceCompiler());
        java.io.IOException crash = new java.io.IOException("javac crashed (thrown by the test)");
        assertThrows(java.io.IOException.class, () -> shared.classesOf(H1, aside -> {
            Files.writeString(aside.resolve("Half.class"), "half written");
            throw crash;
        }));
        try (var left = Files.list(tmp.resolve("shared"))) {
            assertEquals(List.of(), left.toList(), "the folder compiled aside is gone");
        }
        Path classes = shared.classesOf(H1, base("b1", "one"), List.of()).orElseThrow();
        assertEquals("one", call(List.of(classes)), "compiled again, not remembered as failed");
    }

    @Test
    void aBaseThatDoesNotCompileAloneHasNoSharedClasses() throws Exception {
        Path b = Files.createDirectories(tmp.resolve("b/p"));
        Files.writeString(b.resolve("Shop.java"), "package p; public class Shop { Cart cart; }\n");
        BaseClasses shared = new BaseClasses(tmp.resolve("shared"), new WorkspaceCompiler());
        assertEquals(Optional.empty(), shared.classesOf(H1, tmp.resolve("b"), List.of()));
        try (var left = Files.list(tmp.resolve("shared"))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().equals(H1)), "no folder named by the hash");
        }
    }

    @Test
    void aFeatureFileReplacingABaseClassShadowsItWhenItsClassesComeFirst() throws Exception {
        Path baseClasses = new BaseClasses(tmp.resolve("shared"), new WorkspaceCompiler())
                .classesOf(H1, base("b", "base"), List.of()).orElseThrow();
        Path ws = Files.createDirectories(tmp.resolve("ws/p"));
        Files.writeString(ws.resolve("Rates.java"), "package p; public class Rates { public static String v() { return \"feature\"; } }\n");
        Files.writeString(ws.resolve("Use.java"), "package p; public class Use { String s = Rates.v(); }\n");
        Path classes = tmp.resolve("ws/.redyellow/classes");
        WorkspaceCompiler.Compilation c = new WorkspaceCompiler().compile(tmp.resolve("ws"), classes, List.of(baseClasses));
        assertEquals(List.of(), c.errors());
        assertEquals("feature", call(List.of(classes, baseClasses)));
    }

    @Test
    void aHashThatIsNotOneIsRefusedBeforeAnyFolderIsMade() throws Exception {
        BaseClasses shared = new BaseClasses(tmp.resolve("shared"), new WorkspaceCompiler());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> shared.classesOf("../../etc", base("b", "x"), List.of()));
        assertTrue(e.getMessage().contains("../../etc"));
        assertTrue(Files.notExists(tmp.resolve("shared")));
    }
}
