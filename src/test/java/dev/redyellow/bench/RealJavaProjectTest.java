package dev.redyellow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.bench.RealJavaProject.Unit;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.manifest.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator of the real-code case, on a small hand-written project with its tests. */
class RealJavaProjectTest {

    @TempDir
    Path dir;

    private JavaSourceIndex index;

    @BeforeEach
    void writeProject() throws IOException {
        Path main = dir.resolve("sources");
        Path test = dir.resolve("test-sources");
        java(main, "p/Base0", "package p; public class Base0 { public static int one() { return 1; } }");
        java(main, "p/A", """
                package p;
                // Mentions B and C only in a comment and a string: no edge.
                public class A {
                    public static String name = "C";
                    public static boolean isOne(int x) {
                        if (x == Base0.one()) {
                            return true;
                        }
                        return false;
                    }
                }
                """);
        java(main, "p/B", "package p; public class B { public static int b() { return A.isOne(1) ? 2 : 0; } }");
        java(main, "p/C", "package p; public class C { public static int c() { return B.b() + (A.isOne(2) ? 1 : 0); } }");
        java(main, "p/D", "package p; public class D { public static int d() { return C.c() + Helper.h(); } }");
        java(main, "p/Helper", "package p; class Helper { static int h() { return A.isOne(1) ? 10 : 0; } }");
        java(main, "p/G", "package p; public class G { }");
        java(main, "q/E", "package q; public class E { public static int e(int n) { return n <= 0 ? 0 : F.f(n - 1); } }");
        java(main, "q/F", "package q; public class F { public static int f(int n) { return n <= 0 ? 1 : E.e(n - 1); } }");
        String jupiter = "import org.junit.jupiter.api.Test; import static org.junit.jupiter.api.Assertions.assertEquals;";
        java(test, "p/ATest", "package p; " + jupiter + " class ATest { @Test void one() { assertEquals(true, A.isOne(1)); } }");
        java(test, "p/BTest", "package p; " + jupiter + " class BTest { @Test void two() { assertEquals(2, B.b()); } }");
        java(test, "p/CTest", "package p; " + jupiter
                + " class CTest { @Test void three() { assertEquals(TestSupport.expected(), C.c()); } }");
        java(test, "p/TestSupport", "package p; class TestSupport { static int expected() { return B.b(); } }");
        java(test, "p/DTest", "package p; " + jupiter + " class DTest { @Test void d() { assertEquals(12, D.d()); } }");
        java(test, "p/GTest", "package p; import org.assertj.core.api.Assertions; class GTest { }");
        java(test, "q/ETest", "package q; " + jupiter + " class ETest { @Test void e() { assertEquals(1, E.e(2)); } }");
        java(test, "q/FTest", "package q; " + jupiter + " class FTest { @Test void f() { assertEquals(1, F.f(1)); } }");
        java(main, "p/H", "package p; public class H { }");
        java(main, "r/H", "package r; public class H { public static int one() { return 1; } }");
        java(test, "p/HelperImportTest", "package p;\nimport r.H;\nclass HelperImportTest { int x = H.one(); }");
        java(test, "p/SourcedTest", "package p; class SourcedTest { @org.junit.jupiter.params.provider.MethodSource("
                + "\"r.H#one\") void t() { } }");
        java(test, "p/HTest", "package p; " + jupiter + " class HTest { @Test void h() { assertEquals(1, Base0.one()); } }");
        Files.writeString(Files.createDirectories(test.resolve("p")).resolve("data.txt"), "resource");
        index = JavaSourceIndex.read(List.of(main), List.of(test));
    }

    @Test
    void readsReferencesFromCodeNotFromCommentsOrStrings() {
        assertEquals(Set.of("p.Base0"), index.files().get("p.A").refs());
        assertEquals(Set.of("p.Helper", "p.C"), index.files().get("p.D").refs());
        assertEquals(Set.of("org.assertj.core.api.Assertions"), index.files().get("p.GTest").foreign());
        assertTrue(index.files().get("p.ATest").foreign().isEmpty(), "JUnit Jupiter is on every class path");
        assertEquals(Set.of("r.H"), index.files().get("p.HelperImportTest").refs(), "the import hides p.H");
        assertEquals(Set.of("r.H"), index.files().get("p.SourcedTest").refs(), "a method source named in a string");
    }

    @Test
    void makesOneFeaturePerTestedClassAndMergesACycle() {
        RealJavaProject project = new RealJavaProject(index, 1, Set.of(), Integer.MAX_VALUE);
        Map<String, Unit> units = byId(project);
        // HTest never uses H, so it would pass without it and prove no RED: H makes no feature.
        assertEquals(Set.of("p.a", "p.b", "p.c", "p.d", "q.e-and-1"), units.keySet());
        assertEquals(List.of("q.E", "q.F"), units.get("q.e-and-1").classes());
        assertEquals(List.of("q.ETest", "q.FTest"), units.get("q.e-and-1").ownTests());
        // A class without a test that needs one feature goes with it; a test helper alike, into the tests.
        assertEquals(Set.of("p.A", "p.Helper"), Set.copyOf(units.get("p.a").mainFiles()));
        assertEquals(List.of("p.BTest", "p.TestSupport"), units.get("p.b").testFiles());
        // G's test needs AssertJ, so G has no feature; it needs nothing, but no feature needs it either,
        // so it is left out with its test, while Base0, which A needs, is in the base.
        assertEquals(Set.of("p.Base0"), project.baseFiles());
        assertFalse(units.values().stream().anyMatch(u -> u.testFiles().contains("p.GTest")));
    }

    @Test
    void trueEdgesComeFromCodeAndTestsAndOnlyPartAreDeclared() {
        RealJavaProject project = new RealJavaProject(index, 1, Set.of(), Integer.MAX_VALUE);
        Map<String, Unit> units = byId(project);
        assertEquals(Set.of("p.a"), units.get("p.b").trueDeps());
        assertEquals(Set.of("p.a", "p.b"), units.get("p.c").trueDeps());
        assertEquals(Set.of("p.a", "p.c"), units.get("p.d").trueDeps());
        assertEquals(Set.of(), units.get("q.e-and-1").trueDeps());
        for (long seed = 0; seed < 20; seed++) {
            for (Unit u : new RealJavaProject(index, seed, Set.of(), Integer.MAX_VALUE).units()) {
                assertTrue(u.trueDeps().containsAll(u.declared()), u.id() + " declares " + u.declared());
            }
        }
        long declaredOverSeeds = java.util.stream.LongStream.range(0, 20).map(seed -> new RealJavaProject(index, seed, Set.of(),
                Integer.MAX_VALUE).units().stream().mapToLong(u -> u.declared().size()).sum()).sum();
        assertTrue(declaredOverSeeds > 0 && declaredOverSeeds < 20 * 5, "some edges declared, not all: " + declaredOverSeeds);
    }

    @Test
    void anExcludedTestMakesNoFeatureAndItsClassGoesWithWhatItNeeds() {
        RealJavaProject project = new RealJavaProject(index, 1, Set.of("p.DTest"), Integer.MAX_VALUE);
        Map<String, Unit> units = byId(project);
        assertFalse(units.containsKey("p.d"));
        assertTrue(units.get("p.c").mainFiles().contains("p.D"), "D needs C and A (through Helper): it goes to C, which needs A itself");
    }

    @Test
    void aLimitKeepsTheFirstFeaturesWithTheirDependencies() {
        RealJavaProject project = new RealJavaProject(index, 1, Set.of(), 3);
        Set<String> ids = byId(project).keySet();
        assertEquals(3, ids.size());
        project.units().forEach(u -> assertTrue(ids.containsAll(u.trueDeps()), u.id() + " needs " + u.trueDeps()));
    }

    @Test
    void aWrongFirstAttemptFlipsEqualityAndTheRealOneFollows() throws Exception {
        assertNull(RealJavaProject.mutated("class X { int x() { return 1; } }"));
        RealJavaProject project = null;
        for (long seed = 0; seed < 200 && project == null; seed++) {
            RealJavaProject candidate = new RealJavaProject(index, seed, Set.of(), Integer.MAX_VALUE);
            if (byId(candidate).get("p.a").hasWrongFirst()) {
                project = candidate;
            }
        }
        assertNotNull(project, "about one feature in ten gets a wrong first attempt");
        Manifest manifest = ManifestLoader.load(new RealCaseWriter(project).writeManifest(dir.resolve("case"), "t", false, 2));
        Feature a = manifest.features().stream().filter(f -> f.id().equals("p.a")).findFirst().orElseThrow();
        assertEquals(2, a.attempts().size());
        String wrong = a.attempts().get(0).text("src/main/java/p/A.java");
        String right = a.attempts().get(1).text("src/main/java/p/A.java");
        assertNotEquals(right, wrong);
        assertTrue(wrong.contains("if (x != Base0.one())"), wrong);
        assertEquals(index.files().get("p.A").text(), right);
    }

    @Test
    void writesManifestsThatLoadWithHalfOrEveryEdgeDeclared() throws Exception {
        RealJavaProject project = new RealJavaProject(index, 3, Set.of(), Integer.MAX_VALUE);
        RealCaseWriter writer = new RealCaseWriter(project);
        Manifest half = ManifestLoader.load(writer.writeManifest(dir.resolve("half"), "half", false, 2));
        Manifest all = ManifestLoader.load(writer.writeManifest(dir.resolve("all"), "all", true, 2));
        Map<String, Unit> units = byId(project);
        for (Feature f : half.features()) {
            assertEquals(units.get(f.id()).declared(), Set.copyOf(f.dependsOn()));
            assertEquals(RealCaseWriter.HEAP_MB, ((TestSettings.JUnit) f.test()).workerHeapMb(),
                    "the plain build's heap");
            assertEquals(units.get(f.id()).testFiles().stream().map(t -> "src/test/java/" + t.replace('.', '/') + ".java")
                    .collect(Collectors.toSet()), f.tests().paths());
        }
        for (Feature f : all.features()) {
            assertEquals(units.get(f.id()).trueDeps(), Set.copyOf(f.dependsOn()));
        }
        assertTrue(Files.isRegularFile(dir.resolve("half/base/src/main/java/p/Base0.java")));
        assertEquals("resource", Files.readString(dir.resolve("half/base/src/test/resources/p/data.txt")));

        writer.writeMavenProject(dir.resolve("plain"));
        String pom = Files.readString(dir.resolve("plain/pom.xml"));
        assertTrue(pom.contains("<include>p/ATest.class</include>") && pom.contains("<include>q/FTest.class</include>"), pom);
        // every class of a feature's test files, as RedYellow hands them all to JUnit (a helper without tests runs none)
        assertTrue(pom.contains("<include>p/TestSupport.class</include>"), pom);
        assertTrue(pom.contains("<argLine>-Xmx" + RealCaseWriter.HEAP_MB + "m</argLine>"), pom);
        assertTrue(Files.isRegularFile(dir.resolve("plain/src/main/java/p/Helper.java")));
    }

    private static Map<String, Unit> byId(RealJavaProject project) {
        return project.units().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
    }

    private static void java(Path root, String name, String text) throws IOException {
        Path file = root.resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
