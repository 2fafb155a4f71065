package dev.redyellow.testing.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * javac's contexts reused across compiles (issue 19) give every compile what a fresh compiler gives:
 * the same success, the same error lines, the same class files; nothing an earlier compile declared
 * is seen by a later one. Real compiles in temporary folders, each compared with a fresh compiler.
 */
class ReusedJavacTest {
    @TempDir
    Path tmp;
    private Path baseClasses;
    private final WorkspaceCompiler reusing = WorkspaceCompiler.reusingContexts(false);
    private final WorkspaceCompiler fresh = new WorkspaceCompiler();
    private int step;

    @BeforeEach
    void base() throws IOException {
        Path base = tmp.resolve("base");
        write(base, "shop/Base.java", "package shop; public class Base { public static int b() { return 1; } }");
        write(base, "other/O.java", "package other; public class O { }");
        baseClasses = tmp.resolve("base-classes");
        assertEquals(List.of(), fresh.compile(base, baseClasses, List.of()).errors());
    }

    @Test
    void thisJvmReusesContextsAndASecondUnrelatedCompileReusesOne() throws IOException {
        assertEquals("", WorkspaceCompiler.contextsNotReused(), "surefire's JVM exports javac's task pool, as the jar does");
        same(ws("one", "shop/One.java", "package shop; class One { int f() { return Base.b(); } }"));
        long reusedBefore = ReusedJavac.shared().counts()[0];
        same(ws("two", "shop/Two.java", "package shop; class Two { int f() { return Base.b() + 1; } }"));
        assertEquals(reusedBefore + 1, ReusedJavac.shared().counts()[0], "the second compile used the first's context");
    }

    @Test
    void aClassAnEarlierCompileDeclaredIsNotFoundByALaterOneThatLacksIt() throws IOException {
        assertEquals(List.of(), same(ws("a", "shop/X.java", "package shop; public class X { public static int f() { return 1; } }",
                "shop/A.java", "package shop; class A { int g() { return X.f(); } }")));
        List<String> errors = same(ws("b", "shop/B.java", "package shop; class B { int g() { return X.f(); } }"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("shop/B.java:1: cannot find symbol"), errors.get(0));
    }

    /** A file whose error comes first (by path), so its compile stops before writing any class. */
    private static final String[] STOPS = {"shop/Err.java", "package shop; class Err { Missing m; }"};

    private static String[] with(String[] more, String... files) {
        String[] all = java.util.Arrays.copyOf(files, files.length + more.length);
        System.arraycopy(more, 0, all, files.length, more.length);
        return all;
    }

    /** Declared again after a compile that stopped on errors, in the same context: the new signature is the one seen. */
    @Test
    void aChangedClassIsSeenWithItsNewSignature() throws IOException {
        assertEquals(1, same(ws("a", with(STOPS, "shop/Y.java", "package shop; public class Y { public static int f() { return 1; } }",
                "shop/Z.java", "package shop; class Z { int g() { return Y.f(); } }"))).size());
        long reusedBefore = ReusedJavac.shared().counts()[0];
        List<String> errors = same(ws("b", "shop/Y.java", "package shop; public class Y { public static int f(int x) { return x; } }",
                "shop/Z.java", "package shop; class Z { int g() { return Y.f(); } }"));
        assertEquals(reusedBefore + 1, ReusedJavac.shared().counts()[0], "reused");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("method f in class shop.Y cannot be applied to given types"), errors.get(0));
    }

    /** A compile that wrote a class before its error (javac writes each class before attributing the next): no reuse for that class. */
    @Test
    void aClassWrittenByACompileThatThenFailedIsCompiledAgainInANewContext() throws IOException {
        List<String> failed = same(ws("a", "shop/A1.java", "package shop; public class A1 { public static int f() { return 1; } }",
                "shop/B1.java", "package shop; class B1 { int g() { return A1.f() + missing(); } }"));
        assertEquals(1, failed.size(), failed.toString());
        long[] before = ReusedJavac.shared().counts();
        assertEquals(List.of(), same(ws("b", "shop/A1.java", "package shop; public class A1 { public static int f() { return 2; } }")));
        long[] after = ReusedJavac.shared().counts();
        assertEquals(before[0], after[0], "not reused");
        assertEquals(before[1] + 1, after[1], "a new context");
    }

    /** A feature's test compiled alone (its RED proof, which stops on errors), then with its class: the second reuses the context. */
    @Test
    void aCompileThatDeclaresAgainWhatACompileThatStoppedOnErrorsDeclaredReusesItsContext() throws IOException {
        List<String> red = same(ws("red", "shop/VTest.java", "package shop; class VTest { int g() { return V.f(); } }"));
        assertEquals(1, red.size(), red.toString());
        long reusedBefore = ReusedJavac.shared().counts()[0];
        assertEquals(List.of(), same(ws("green", "shop/V.java", "package shop; public class V { public static int f() { return 1; } }",
                "shop/VTest.java", "package shop; class VTest { int g() { return V.f(); } }")));
        assertEquals(reusedBefore + 1, ReusedJavac.shared().counts()[0], "VTest is declared again, and its RED proof wrote nothing");
    }

    /**
     * Found on the real-code case (commons-codec's Blake3, compiled twice by one context): a nested
     * class that reads a constant of its outer class got a second constant-pool entry for the outer
     * class when the outer class, written by an earlier compile, was declared again in its context. A
     * class an earlier compile wrote is therefore never declared again in that context: a new one,
     * with the fresh compiler's bytes.
     */
    @Test
    void aClassAnEarlierCompileWroteIsCompiledAgainInANewContext() throws IOException {
        String source = "package shop; public final class O { private static final int K = 1;"
                + " private static final class In { int g() { return K; } } }";
        same(ws("first", "shop/O.java", source));
        long[] before = ReusedJavac.shared().counts();
        same(ws("second", "shop/O.java", source));
        long[] after = ReusedJavac.shared().counts();
        assertEquals(before[0], after[0], "not reused");
        assertEquals(before[1] + 1, after[1], "a new context");
    }

    /** The same class after a compile of it that stopped on errors: the context is reused, and the bytes are a fresh compile's. */
    @Test
    void aClassDeclaredAgainAfterACompileThatStoppedOnErrorsHasTheFreshCompilersBytes() throws IOException {
        String source = "package shop; public final class O2 { private static final int K = 1; enum E { A, B }"
                + " private static final class In { int g(E e) { switch (e) { case A: return K; default: return 2; } } }"
                + " java.util.function.IntSupplier s = () -> K; }";
        List<String> stopped = same(ws("stopped", "shop/O2.java", source, "shop/O2Test.java",
                "package shop; class O2Test { Missing m; int g() { return new O2().s.getAsInt(); } }"));
        assertEquals(1, stopped.size(), stopped.toString());
        long reusedBefore = ReusedJavac.shared().counts()[0];
        assertEquals(List.of(), same(ws("again", "shop/O2.java", source, "shop/O2Test.java",
                "package shop; class O2Test { int g() { return new O2().s.getAsInt(); } }")));
        assertEquals(reusedBefore + 1, ReusedJavac.shared().counts()[0], "reused");
    }

    @Test
    void aClassDeclaredAnewWithoutItsFormerNestedClassHasNone() throws IOException {
        same(ws("a", with(STOPS, "shop/W.java", "package shop; public class W { public static class In { } public static int f() { return 1; } }",
                "shop/WTest.java", "package shop; class WTest { W.In in; }")));
        long reusedBefore = ReusedJavac.shared().counts()[0];
        List<String> errors = same(ws("b", "shop/W.java", "package shop; public class W { public static int f() { return 1; } }",
                "shop/WTest.java", "package shop; import shop.W.In; class WTest { W.In in; In other; }"));
        assertEquals(reusedBefore + 1, ReusedJavac.shared().counts()[0], "reused");
        assertFalse(errors.isEmpty());
    }

    /** A file that does not declare the class its name says: javac's parse shows it, and the compile is redone afresh. */
    @Test
    void aFileNotDeclaringItsNamesClassIsCompiledInANewContext() throws IOException {
        same(ws("a", with(STOPS, "shop/U.java", "package shop; public class U { public static class In { public static int k() { return 2; } } }")));
        long[] before = ReusedJavac.shared().counts();
        List<String> errors = same(ws("b", "shop/U.java", "package shop; class NotU { int g() { return shop.U.In.k(); } }"));
        long[] after = ReusedJavac.shared().counts();
        assertEquals(before[2] + 1, after[2], "tried on the context, then redone");
        assertEquals(before[0], after[0], "not counted as reused");
        assertEquals(List.of("shop/U.java:1: package shop.U does not exist"), errors);
    }

    /** One of the two traces a reused context keeps on JDK 17, measured: it may not show. */
    @Test
    void aPackageOnlyAFormerCompileDeclaredDoesNotExist() throws IOException {
        assertEquals(List.of(), same(ws("a", "fresh/only/N.java", "package fresh.only; public class N { }")));
        List<String> packageGone = same(ws("b", "other/J.java", "package other; import fresh.only.*; class J { }"));
        assertEquals(List.of("other/J.java:1: package fresh.only does not exist"), packageGone);
    }

    /**
     * A package is named by its whole name: a compile that uses only part of a former compile's new
     * package's name reuses the context, and one naming it, or a package around it without classes of
     * its own, gets a new one; each as a fresh compile.
     */
    @Test
    void aCompileNamingOnlyPartOfAFormerCompilesNewPackageReusesItsContext() throws IOException {
        List<Path> classPath = List.of(baseClasses, tmp.resolve("part"));
        sameOn(classPath, ws("a", "shop/sub/deep/N.java", "package shop.sub.deep; public class N { Missing m; }"));
        long reused = ReusedJavac.shared().counts()[0];
        sameOn(classPath, ws("b", "other/K.java", "package other; class K { int deep; Object o = new shop.Base(); }"));
        assertEquals(reused + 1, ReusedJavac.shared().counts()[0], "shop and deep name no new package: reused");
        sameOn(classPath, ws("e", "other/S.java", "package other; import shop.*; class S { Base b; }"));
        assertEquals(reused + 2, ReusedJavac.shared().counts()[0], "shop has classes on the class path: reused");
        assertEquals(List.of("other/J.java:1: package shop.sub does not exist"),
                sameOn(classPath, ws("c", "other/J.java", "package other; class J { shop.sub.Missing m; }")));
        assertEquals(reused + 2, ReusedJavac.shared().counts()[0], "shop.sub, which has no classes, is named");
        assertEquals(List.of("other/L.java:1: package shop.sub.deep does not exist"),
                sameOn(classPath, ws("d", "other/L.java", "package other; import shop.sub.deep.*; class L { }")));
        assertEquals(reused + 2, ReusedJavac.shared().counts()[0], "shop.sub.deep is named");
        sameOn(classPath, ws("f", "shop/sub/T.java", "package shop.sub; class T { shop.sub.deep.N n; }"));
    }

    /**
     * A package part outside the Basic Multilingual Plane, which the identifier scan does not read as a
     * name: the declaring compile's header cannot be read either, so its context serves no later compile.
     */
    @Test
    void aCompileDeclaringAPackagePartOutsideTheBasicPlaneServesNoLaterCompile() throws IOException {
        String part = new String(Character.toChars(0x1D4B3)); // a letter, a Java identifier of two chars
        List<Path> classPath = List.of(baseClasses, tmp.resolve("plane"));
        sameOn(classPath, ws("a", "shop/" + part + "/N.java", "package shop." + part + "; public class N { Missing m; }"));
        long reused = ReusedJavac.shared().counts()[0];
        assertEquals(List.of("other/K.java:1: package shop." + part + " does not exist"),
                sameOn(classPath, ws("b", "other/K.java", "package other; class K { shop." + part + ".Missing m; }")));
        assertEquals(reused, ReusedJavac.shared().counts()[0], "a new context");
    }

    /**
     * A package with no classes of its own exists once a compile has declared or read a class under it;
     * in a fresh compile it exists only if that compile meets one. Compiles that name such a package
     * get a context of their own.
     */
    @Test
    void aPackageWithoutClassesOfItsOwnIsAsAFreshCompileFindsIt() throws IOException {
        Path libClasses = tmp.resolve("lib-classes");
        assertEquals(List.of(), fresh.compile(ws("lib", "lib/util/Tool.java", "package lib.util; public class Tool { }"),
                libClasses, List.of()).errors());
        List<Path> classPath = List.of(libClasses);
        sameOn(classPath, ws("a", "lib/extra/N.java", "package lib.extra; public class N { Missing m; }"));
        assertEquals(List.of("other/K.java:1: package lib does not exist"),
                sameOn(classPath, ws("b", "other/K.java", "package other; import lib.*; class K { }")));
        sameOn(classPath, ws("c", "other/K2.java", "package other; class K2 { lib.Missing m; }"));
        sameOn(classPath, ws("d", "other/R.java", "package other; class R { lib.util.Tool t; }"));
        assertEquals(List.of("other/K3.java:1: package lib does not exist"),
                sameOn(classPath, ws("e", "other/K3.java", "package other; import lib.*; class K3 { }")),
                "after a compile that read lib.util.Tool");
    }

    /** The other trace: a former compile's nested class changes the error for its qualified name. */
    @Test
    void aNestedClassOfAFormerCompileIsNotSeen() throws IOException {
        assertEquals(List.of(), same(ws("a",
                "shop/Y.java", "package shop; public class Y { public static class In { public static int k() { return 2; } } }")));
        List<String> nestedGone = same(ws("b", "other/D.java", "package other; class D { int g() { return shop.Y.In.k(); } }"));
        assertEquals(List.of("other/D.java:1: package shop.Y does not exist"), nestedGone);
    }

    /** A long sequence of compiles, passing and failing, each the same as with a fresh compiler. */
    @Test
    void aSequenceOfCompilesGivesWhatFreshCompilesGive() throws IOException {
        same(ws("a", "shop/Y.java", "package shop; public class Y { public static class In { public static int k() {return 2;} }"
                        + " public static int f() { return Base.b(); } }",
                "shop/YTest.java", "package shop; class YTest { int g() { return Y.f() + Y.In.k() + new Object() { int h() { return 1; } }.h(); } }"));
        same(ws("b", "shop/Z.java", "package shop; class Z { int g() { return Y.f(); } }"));
        same(ws("c", "other/C.java", "package other; import shop.Y; class C { int g() { return Y.f(); } }"));
        same(ws("d", "other/E.java", "package other; import shop.*; class E { Y y; }"));
        same(ws("e", "shop/G.java", "package shop; class G { int g() { return Base.b() + Y$In.k(); } }"));
        same(ws("f", "shop/H.java", "package shop; class H { void g() { Class<?> c = YTest.class; } }"));
        same(ws("g", "shop/K.java", "package shop; class K { int g() { return Base.b() } }"));
        same(ws("h", "shop/L.java", "package shop; class L { Undefined u; int g() { return Y.f(); } }"));
        // a source with the name of a class on the class path: javac must take the source's
        same(ws("i", "shop/Base.java", "package shop; public class Base { public static String b() { return \"s\"; } }",
                "shop/M.java", "package shop; class M { int g() { return Base.b().length(); } }"));
        same(ws("j", "shop/M.java", "package shop; class M { int g() { return Base.b(); } }"));
        same(ws("k", "Plain.java", "class Plain { Other o; }", "Other.java", "class Other { }"));
        same(ws("l", "Again.java", "class Again { Other o; }"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add("shop/Bad" + i + ".java");
            many.add("package shop; class Bad" + i + " { Missing" + i + " m; }");
        }
        List<String> capped = same(ws("m", many.toArray(String[]::new)));
        assertEquals(WorkspaceCompiler.MAX_ERRORS_SHOWN, capped.size(), "javac's error limit holds in a reused context");
        assertEquals(capped, same(ws("n", many.toArray(String[]::new))));
    }

    /** A module or package declaration sets what a context keeps: such a compile's context serves no later one. */
    @Test
    void aModuleOrPackageDeclarationGetsAContextOfItsOwn() throws IOException {
        long[] before = ReusedJavac.shared().counts();
        List<Path> onePath = List.of(baseClasses, tmp.resolve("one"));
        sameOn(onePath, ws("a", "shop/package-info.java", "@Deprecated package shop;", "shop/S.java", "package shop; class S { }"));
        sameOn(onePath, ws("b", "shop/S.java", "package shop; class S { int f() { return Base.b(); } }"));
        List<Path> otherPath = List.of(baseClasses, tmp.resolve("other"));
        sameOn(otherPath, ws("c", "module-info.java", "module m { }", "mod/M.java", "package mod; public class M { }"));
        sameOn(otherPath, ws("d", "mod/M.java", "package mod; public class M { }"));
        long[] after = ReusedJavac.shared().counts();
        assertEquals(before[0], after[0], "none of the four reused a context");
        assertEquals(before[1] + 4, after[1]);
    }

    /** Each new context is counted under its reason, which the bench prints (where the compile median comes from). */
    @Test
    void everyNewContextIsCountedUnderItsReason() throws IOException {
        List<Path> path = List.of(baseClasses, tmp.resolve("reasons"));
        Map<ReusedJavac.NewContext, Long> before = ReusedJavac.shared().newContextReasons();
        long freshBefore = ReusedJavac.shared().counts()[1];
        sameOn(path, ws("a", "shop/A.java", "package shop; public class A { }"));
        assertEquals(1, grew(before, ReusedJavac.NewContext.NEW_CLASS_PATH), "a class path no compile had");
        sameOn(path, ws("b", "shop/B.java", "package shop; class B { A a; }"));
        assertEquals(1, grew(before, ReusedJavac.NewContext.REFUSED), "B uses A, which the only context wrote");
        sameOn(path, ws("c", "shop/package-info.java", "@Deprecated package shop;", "shop/C.java", "package shop; class C { }"));
        assertEquals(1, grew(before, ReusedJavac.NewContext.OWN), "a package declaration");
        long[] counts = ReusedJavac.shared().counts();
        sameOn(path, ws("d", "shop/D.java", "package shop; class D { }"));
        assertEquals(counts[0] + 1, ReusedJavac.shared().counts()[0], "D meets no trace: reused, counted under no reason");
        assertEquals(1, grew(before, ReusedJavac.NewContext.NEW_CLASS_PATH), "still one");
        sameOn(path, ws("e", "shop/E.java", "package shop; class F { }"));
        assertEquals(1, grew(before, ReusedJavac.NewContext.REDONE), "E.java declares F: tried on D's context, then redone");
        long reasons = 0;
        for (ReusedJavac.NewContext why : ReusedJavac.NewContext.values()) {
            reasons += grew(before, why);
        }
        assertEquals(ReusedJavac.shared().counts()[1] - freshBefore, reasons, "every new context has one reason");
    }

    /**
     * javac crashes on a context (a StackOverflowError on a small stack) and fails without an error:
     * the JDK's pool must not take that context back (the crash may have left it half done), and the
     * compile is done again rather than taken for a compile error.
     */
    @Test
    void aContextJavacCrashedOnIsNotReusedAndTheCompileIsDoneAgain() throws Exception {
        List<Path> path = List.of(baseClasses, tmp.resolve("crash"));
        sameOn(path, ws("a", "shop/A.java", "package shop; public class A { }"));
        Path deep = ws("deep", "shop/Deep.java", DeepCode.nested("shop", "Deep", 20_000));
        long again = WorkspaceCompiler.compilesDoneAgainAfterACrash();
        Object c = DeepCode.onJavacStack(256 << 10, () -> reusing.compile(deep, deep.resolve(".redyellow/reused"), path));
        if (c instanceof Throwable t) {
            throw new AssertionError("the compile threw", t);
        }
        assertEquals(List.of(), ((WorkspaceCompiler.Compilation) c).errors(), String.valueOf(c));
        assertTrue(Files.isRegularFile(deep.resolve(".redyellow/reused/shop/Deep.class")));
        assertEquals(again + 1, WorkspaceCompiler.compilesDoneAgainAfterACrash(), "javac crashed there; done again");

        Map<ReusedJavac.NewContext, Long> before = ReusedJavac.shared().newContextReasons();
        sameOn(path, ws("d", "shop/D.java", "package shop; class D { }"));
        assertEquals(1, grew(before, ReusedJavac.NewContext.DROPPED), "the pool did not keep the context javac crashed on");
    }

    private static long grew(Map<ReusedJavac.NewContext, Long> before, ReusedJavac.NewContext why) {
        return ReusedJavac.shared().newContextReasons().get(why) - before.get(why);
    }

    /** As {@link #same}, on {@code classPath}: the same errors; the errors. */
    private List<String> sameOn(List<Path> classPath, Path ws) throws IOException {
        List<String> errors = fresh.compile(ws, tmp.resolve("fresh-" + ws.getFileName()), classPath).errors();
        assertEquals(errors, reusing.compile(ws, ws.resolve(".redyellow/reused"), classPath).errors());
        return errors;
    }

    @Test
    void classFilesGoToTheClassesFolderOnlyAndAreTheFreshCompilersBytes() throws IOException {
        Path ws = ws("a", "shop/P.java", "package shop; public class P { public static int f() { return Base.b() + 2; } }");
        same(ws);
        assertTrue(Files.isRegularFile(ws.resolve(".redyellow/reused/shop/P.class")));
        try (Stream<Path> files = Files.walk(ws.resolve("shop"))) {
            assertEquals(List.of(ws.resolve("shop/P.java")), files.filter(Files::isRegularFile).toList(),
                    "nothing is written beside the sources");
        }
    }

    @Test
    void compilesOnSeveralThreadsAtOnceEachGetTheirOwnResult() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = i % 2 == 0 ? "int f() { return Base.b(); }" : "int f() { return Nope.b(); }";
                Path ws = ws("t" + i, "shop/T" + i + ".java", "package shop; class T" + i + " { " + body + " }");
                results.add(threads.submit(() -> reusing.compile(ws, ws.resolve(".redyellow/reused"), List.of(baseClasses)).errors()));
            }
            for (int i = 0; i < results.size(); i++) {
                List<String> errors = results.get(i).get(60, TimeUnit.SECONDS);
                if (i % 2 == 0) {
                    assertEquals(List.of(), errors);
                } else {
                    assertEquals(1, errors.size(), errors.toString());
                    assertTrue(errors.get(0).startsWith("shop/T" + i + ".java:1: cannot find symbol"), errors.get(0));
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Found on the real-code case (a third cycle in one JVM: JUnit's classes "not found"): a thread
     * interrupted while javac reads a jar of the class path closes that jar's channel, and a kept file
     * manager then fails every later compile that reads it ("bad class file ... ClosedChannelException").
     * Runs are interrupted whenever they are pre-empted or time out, so a compile (with a kept
     * context or a kept file manager) must give the fresh compiler's result on an interrupted thread,
     * keep the interrupt, and leave nothing broken for the next compile.
     */
    @Test
    void anInterruptedCompileBreaksNoLaterCompile() throws IOException {
        Path lib = tmp.resolve("lib");
        write(lib, "lib/J.java", "package lib; public class J { public static int j() { return 7; } }");
        Path libClasses = tmp.resolve("lib-classes");
        assertEquals(List.of(), fresh.compile(lib, libClasses, List.of()).errors());
        Path jar = tmp.resolve("lib.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("lib/J.class"));
            out.write(Files.readAllBytes(libClasses.resolve("lib/J.class")));
            out.closeEntry();
        }
        List<Path> classPath = List.of(baseClasses, jar);
        for (WorkspaceCompiler compiler : List.of(reusing, new WorkspaceCompiler(true))) {
            for (int i = 0; i < 3; i++) {
                Path ws = ws("j", "shop/U" + i + ".java", "package shop; class U" + i + " { int f() { return lib.J.j() + Base.b(); } }",
                        "shop/W" + i + ".java", "package shop; class W" + i + " { int f() { return lib.J.nope(); } }");
                List<String> expected = fresh.compile(ws, tmp.resolve("fresh-j-" + step), classPath).errors();
                assertEquals(1, expected.size(), expected.toString());
                boolean interrupt = i % 2 == 0;
                if (interrupt) {
                    Thread.currentThread().interrupt();
                }
                List<String> errors;
                boolean interruptedAfter;
                try {
                    errors = compiler.compile(ws, ws.resolve(".redyellow/c"), classPath).errors();
                } finally {
                    interruptedAfter = Thread.interrupted(); // cleared whatever happened: no later test inherits it
                }
                assertEquals(interrupt, interruptedAfter, "the caller's interrupt is kept, and no other is made");
                assertEquals(expected, errors, "compile " + i + (interrupt ? " on an interrupted thread" : " after one"));
            }
        }
    }

    /** Without the export (another launcher), compiles are as before, and the run's log says why. */
    @Test
    void withoutTheExportTheCompilerFallsBackAndSaysWhy() throws Exception {
        Path ws = ws("a", "shop/Q.java", "package shop; class Q { int f() { return Base.b(); } }",
                "shop/R.java", "package shop; class R { int f() { return Gone.b(); } }");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + WorkspaceCompiler.REUSE_PROPERTY + "=true", // asked for, and not possible there
                "-cp", System.getProperty("java.class.path"), ReusedJavacFallbackMain.class.getName(),
                ws.toString(), baseClasses.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("not reused: javac's contexts are not reused across compiles: the JVM does not export "
                + ReusedJavac.EXPORT), out);
        List<String> expected = fresh.compile(ws, tmp.resolve("fresh-" + ws.getFileName()), List.of(baseClasses)).errors();
        assertEquals(1, expected.size());
        assertTrue(out.contains("errors: " + expected), out);
    }

    /** Compiles {@code ws} with the reusing and a fresh compiler; asserts the same errors and classes; the errors. */
    private List<String> same(Path ws) throws IOException {
        Path reusedClasses = ws.resolve(".redyellow/reused");
        Path freshClasses = tmp.resolve("fresh-" + ws.getFileName());
        List<String> reused = reusing.compile(ws, reusedClasses, List.of(baseClasses)).errors();
        List<String> expected = fresh.compile(ws, freshClasses, List.of(baseClasses)).errors();
        assertEquals(expected, reused, "errors of " + ws.getFileName());
        Map<String, byte[]> a = classes(reusedClasses);
        Map<String, byte[]> b = classes(freshClasses);
        assertEquals(b.keySet(), a.keySet(), "class files of " + ws.getFileName());
        for (String name : a.keySet()) {
            assertArrayEquals(b.get(name), a.get(name), name);
        }
        assertFalse(expected.isEmpty() && a.isEmpty(), "a compile without errors writes classes");
        return reused;
    }

    private static Map<String, byte[]> classes(Path root) throws IOException {
        Map<String, byte[]> found = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                found.put(root.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return found;
    }

    /** A workspace of (path, content) pairs, unique to this test. */
    private Path ws(String name, String... files) throws IOException {
        Path ws = tmp.resolve("ws-" + name + "-" + step++);
        for (int i = 0; i < files.length; i += 2) {
            write(ws, files[i], files[i + 1]);
        }
        return ws;
    }

    private static void write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
