package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.WorkspaceFactory;
import dev.redyellow.exec.WorkspacePlan;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.TestSettings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 end to end, both junit modes, real workspaces from a real {@link WorkspaceFactory}: a run
 * that shares the base's classes gives the verdict of the whole compile (the request without base files).
 */
class BaseSharedRunsTest extends BothJUnitModes {

    private static final String TEST = "src/test/java/tools/TitleTest.java";
    private static final Map<String, String> BASE = Map.of(
            "src/main/java/tools/Slug.java", """
                    package tools;
                    public final class Slug {
                        public static String of(String title) { return title.toLowerCase().replace(' ', '-'); }
                    }
                    """,
            "src/main/java/tools/Trim.java", """
                    package tools;
                    public final class Trim {
                        public static String of(String s) { return Slug.of(s.strip()); }
                    }
                    """);
    private static final String TITLE = """
            package tools;
            public final class Title {
                public static String slug(String title) { return Trim.of(title) + "!"; }
            }
            """;

    @TempDir
    Path tmp;

    private static String test(String body) {
        return """
                package tools;
                import static org.junit.jupiter.api.Assertions.*;
                import org.junit.jupiter.api.Test;
                class TitleTest {
                %s
                }
                """.formatted(body);
    }

    private record Ran(TestResult result, String output, Path workspace) {
    }

    private WorkspaceFactory factory(String run) throws Exception {
        Path base = tmp.resolve("base");
        for (Map.Entry<String, String> f : BASE.entrySet()) {
            Files.createDirectories(base.resolve(f.getKey()).getParent());
            Files.writeString(base.resolve(f.getKey()), f.getValue());
        }
        return new WorkspaceFactory(tmp.resolve(run), base);
    }

    private static Ran run(TestRunner runner, WorkspaceFactory factory, Map<String, String> feature, boolean shareBase)
            throws Exception {
        WorkspacePlan plan = factory.plan("title", "1", List.of(FileSet.ofText(feature)));
        plan.materialise();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputSink out = (stream, b, offset, length) -> {
            synchronized (bytes) {
                bytes.write(b, offset, length);
            }
        };
        TestRequest request = new TestRequest(plan.root(), new TestSettings.JUnit(120), List.of(TEST), out, "title",
                shareBase ? plan.baseFiles() : Optional.empty());
        TestResult result = runner.run(request);
        synchronized (bytes) {
            return new Ran(result, bytes.toString(StandardCharsets.UTF_8), plan.root());
        }
    }

    /** Runs the feature in both modes, shared and whole, and checks all four give the same verdict. */
    private TestResult sameVerdicts(Map<String, String> feature, boolean expectShared) throws Exception {
        WorkspaceFactory factory = factory("run");
        TestResult first = null;
        for (TestRunner runner : List.of(perRun, warm)) {
            Ran whole = run(runner, factory, feature, false);
            Ran shared = run(runner, factory, feature, true);
            assertTrue(whole.output().matches("(?s)compiled all [34] sources \\(which files come from the base is not known\\).*"),
                    whole.output());
            // the warm runner's shared compile comes second: the per-run one made the same classes already,
            // unless it failed (a compile with errors is never kept)
            String sharedCompile = runner == perRun || shared.result().outcome() == TestOutcome.COMPILE_ERROR
                    ? "compiled 2 of 4 sources"
                    : "took the classes of 2 of 4 sources from an earlier compile of the same content";
            assertTrue(shared.output().contains(expectShared ? sharedCompile
                    : "compiled all 3 sources (the workspace replaces the base source src/main/java/tools/Slug.java)"),
                    shared.output());
            for (Ran ran : List.of(whole, shared)) {
                TestResult r = ran.result();
                TestResult expected = first == null ? whole.result() : first;
                assertEquals(expected.outcome(), r.outcome(), r.detail() + ran.output());
                assertEquals(expected.detail(), r.detail());
                assertEquals(expected.cases().stream().map(c -> c.name() + " " + c.status() + " " + c.message()).sorted().toList(),
                        r.cases().stream().map(c -> c.name() + " " + c.status() + " " + c.message()).sorted().toList());
            }
            first = whole.result();
        }
        return first;
    }

    @Test
    void aPassingFeatureCompilesOnlyItsOwnSourcesAndPasses() throws Exception {
        TestResult r = sameVerdicts(Map.of("src/main/java/tools/Title.java", TITLE,
                TEST, test("@Test void slugs() { assertEquals(\"a-b!\", Title.slug(\" A B \")); }")), true);
        assertEquals(TestOutcome.PASSED, r.outcome());
        assertEquals(1, r.passed());

        // what the per-run mode compiled: the feature's classes only; the base's come from the shared folder
        Ran ran = run(perRun, factory("run2"), Map.of("src/main/java/tools/Title.java", TITLE,
                TEST, test("@Test void slugs() { assertEquals(\"a-b!\", Title.slug(\" A B \")); }")), true);
        Path classes = ran.workspace().resolve(".redyellow/classes/tools");
        assertTrue(Files.isRegularFile(classes.resolve("Title.class")));
        assertTrue(Files.isRegularFile(classes.resolve("TitleTest.class")));
        assertFalse(Files.exists(classes.resolve("Slug.class")), "a base class is not compiled per run");
        assertFalse(Files.exists(classes.resolve("Trim.class")));
        try (var hashes = Files.list(tmp.resolve("run2/base-classes"))) {
            Path only = hashes.reduce((a, b) -> { throw new AssertionError("two base folders: " + a + ", " + b); })
                    .orElseThrow();
            assertTrue(Files.isRegularFile(only.resolve("tools/Slug.class")), only.toString());
        }
    }

    @Test
    void aGreenDependencysClassesSharedGiveTheSameVerdicts() throws Exception {
        WorkspaceFactory factory = factory("run3");
        FileSet dependency = FileSet.ofText(Map.of("src/main/java/tools/Title.java", TITLE));
        FileSet feature = FileSet.ofText(Map.of(TEST, test("""
                @Test void slugs() { assertEquals("a-b!", Title.slug(" A B ")); }
                @Test void fails() { assertEquals("x", Title.slug("y")); }
                """)));
        for (TestRunner runner : List.of(perRun, warm)) {
            List<String> verdicts = new java.util.ArrayList<>();
            for (boolean layered : List.of(false, true)) {
                WorkspacePlan plan = factory.plan("title", "1", List.of(dependency, feature));
                plan.materialise();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                OutputSink out = (stream, b, offset, length) -> {
                    synchronized (bytes) {
                        bytes.write(b, offset, length);
                    }
                };
                TestResult r = runner.run(new TestRequest(plan.root(), new TestSettings.JUnit(120), List.of(TEST), out,
                        "title", layered ? plan.baseFiles().map(b -> b.withDependencies(plan.content().orElseThrow(),
                        List.of(dependency))) : Optional.empty()));
                String said;
                synchronized (bytes) {
                    said = bytes.toString(StandardCharsets.UTF_8);
                }
                assertTrue(said.contains(!layered ? "compiled all 4 sources" : runner == perRun
                        ? "compiled 1 of 4 sources" : "took the classes of 1 of 4 sources"), said);
                verdicts.add(r.outcome() + " " + r.cases().stream().map(c -> c.name() + " " + c.status() + " "
                        + c.message()).sorted().toList());
            }
            assertEquals(verdicts.get(0), verdicts.get(1));
            assertTrue(verdicts.get(0).startsWith("FAILED"), verdicts.get(0));
        }
    }

    @Test
    void aFailingTestFailsAlike() throws Exception {
        TestResult r = sameVerdicts(Map.of("src/main/java/tools/Title.java", TITLE,
                TEST, test("@Test void slugs() { assertEquals(\"a_b!\", Title.slug(\"a b\")); }")), true);
        assertEquals(TestOutcome.FAILED, r.outcome());
        assertEquals("expected: <a_b!> but was: <a-b!>", r.failures().get(0).message());
    }

    @Test
    void aMissingClassStaysACompileErrorNamingIt() throws Exception {
        TestResult r = sameVerdicts(Map.of("src/main/java/tools/Title.java", TITLE,
                TEST, test("@Test void words() { assertEquals(2, Words.count(\"a b\")); }")), true);
        assertEquals(TestOutcome.COMPILE_ERROR, r.outcome());
        assertTrue(r.detail().contains("symbol: class Words") || r.detail().contains("variable Words"), r.detail());
    }

    @Test
    void aFeatureReplacingABaseFileIsCompiledWholeWithItsVerdict() throws Exception {
        // the feature's Slug takes a separator: the base's Trim, compiled against the old Slug, would
        // link and fail at run time; the whole compile says Trim no longer compiles
        TestResult r = sameVerdicts(Map.of("src/main/java/tools/Slug.java", """
                        package tools;
                        public final class Slug {
                            public static String of(String title, char separator) { return title.replace(' ', separator); }
                        }
                        """,
                TEST, test("@Test void slugs() { assertEquals(\"a_b\", Slug.of(\"a b\", '_')); }")), false);
        assertEquals(TestOutcome.COMPILE_ERROR, r.outcome(), r.detail());
        assertTrue(r.detail().contains("src/main/java/tools/Trim.java"), r.detail());
    }
}
