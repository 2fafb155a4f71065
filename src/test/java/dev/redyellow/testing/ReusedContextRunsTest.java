package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.WorkspaceFactory;
import dev.redyellow.exec.WorkspacePlan;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.worker.WorkspaceCompiler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 end to end, both junit modes, real workspaces sharing a base: a feature's attempt reuses
 * its RED proof's javac context, an unrelated feature reuses it too, and a later run never sees what an
 * earlier one compiled (another feature naming the first's class without having it gets a context of
 * its own and the compile error).
 */
class ReusedContextRunsTest extends BothJUnitModes {

    // Reuse is on unless told not to (WorkspaceCompiler.REUSE_PROPERTY); said here all the same, in case the
    // JVM running the tests was told otherwise, before BothJUnitModes makes the runners.
    private static final String GIVEN = System.getProperty(WorkspaceCompiler.REUSE_PROPERTY);

    static {
        System.setProperty(WorkspaceCompiler.REUSE_PROPERTY, "true");
    }

    @org.junit.jupiter.api.AfterAll
    static void reuseAsGiven() {
        if (GIVEN == null) {
            System.clearProperty(WorkspaceCompiler.REUSE_PROPERTY);
        } else {
            System.setProperty(WorkspaceCompiler.REUSE_PROPERTY, GIVEN);
        }
    }

    private static final String TEST = "src/test/java/tools/TitleTest.java";
    private static final String OTHER_TEST = "src/test/java/tools/OtherTest.java";
    private static final String WORDS_TEST = "src/test/java/tools/WordsTest.java";
    private static final String TITLE = """
            package tools;
            public final class Title {
                public static String slug(String title) { return Slug.of(title.strip()) + "!"; }
            }
            """;

    @TempDir
    Path tmp;

    private static String test(String name, String body) {
        return """
                package tools;
                import static org.junit.jupiter.api.Assertions.*;
                import org.junit.jupiter.api.Test;
                class %s {
                %s
                }
                """.formatted(name, body);
    }

    /** What a run gave, and how many new javac contexts its compile made (its phase times). */
    private record Ran(TestResult result, String output, int newContexts) {
    }

    private static Ran run(TestRunner runner, WorkspaceFactory factory, String feature, String test, Map<String, String> files)
            throws Exception {
        phases.clear();
        WorkspacePlan plan = factory.plan(feature, "1", List.of(FileSet.ofText(files)));
        plan.materialise();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputSink out = (stream, b, offset, length) -> {
            synchronized (bytes) {
                bytes.write(b, offset, length);
            }
        };
        TestResult result = runner.run(new TestRequest(plan.root(), new TestSettings.JUnit(120), List.of(test), out, feature,
                plan.baseFiles()));
        assertEquals(1, phases.size(), "one run, one report of its phase times");
        synchronized (bytes) {
            return new Ran(result, bytes.toString(StandardCharsets.UTF_8), phases.get(0).newContexts());
        }
    }

    @Test
    void aCycleReusesContextsAndNoRunSeesAnEarlierRunsClasses() throws Exception {
        for (TestRunner runner : List.of(perRun, warm)) {
            Path base = tmp.resolve("base-" + runner.getClass().getSimpleName());
            Files.createDirectories(base.resolve("src/main/java/tools"));
            Files.writeString(base.resolve("src/main/java/tools/Slug.java"), """
                    package tools;
                    public final class Slug {
                        public static String of(String s) { return s.toLowerCase().replace(' ', '-'); }
                    }
                    """);
            WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run-" + runner.getClass().getSimpleName()), base);
            String titleTest = test("TitleTest", "@Test void slugs() { assertEquals(\"a-b!\", Title.slug(\" A B \")); }");
            Ran red = run(runner, factory, "title", TEST, Map.of(TEST, titleTest));
            assertEquals(TestOutcome.COMPILE_ERROR, red.result().outcome(), red.output());
            assertTrue(red.result().detail().contains("cannot find symbol"), red.result().detail());
            assertTrue(red.newContexts() >= 1, "the first compile on this base's class path makes a context: " + red);

            long reusedBefore = WorkspaceCompiler.compilesInReusedContexts();
            Ran green = run(runner, factory, "title", TEST, Map.of("src/main/java/tools/Title.java", TITLE, TEST, titleTest));
            assertEquals(TestOutcome.PASSED, green.result().outcome(), green.output());
            assertEquals(reusedBefore + 1, WorkspaceCompiler.compilesInReusedContexts(),
                    "the attempt declares TitleTest again, which its RED proof did not write: it reuses the proof's context");
            assertFalse(green.output().contains("not reused"), green.output());
            assertEquals(0, green.newContexts(), "its phase times say it made no context");

            Ran words = run(runner, factory, "words", WORDS_TEST, Map.of("src/main/java/tools/Words.java", """
                    package tools;
                    public final class Words {
                        public static int count(String s) { return Slug.of(s).split("-").length; }
                    }
                    """, WORDS_TEST, test("WordsTest", "@Test void counts() { assertEquals(2, Words.count(\"a b\")); }")));
            assertEquals(TestOutcome.PASSED, words.result().outcome(), words.output());
            assertEquals(reusedBefore + 2, WorkspaceCompiler.compilesInReusedContexts(),
                    "Words and WordsTest name nothing an earlier compile declared: a context is reused");
            reusedBefore = WorkspaceCompiler.compilesInReusedContexts();

            Ran other = run(runner, factory, "other", OTHER_TEST, Map.of(OTHER_TEST,
                    test("OtherTest", "@Test void usesTitle() { assertEquals(\"x!\", Title.slug(\"x\")); }")));
            assertEquals(TestOutcome.COMPILE_ERROR, other.result().outcome(), "Title was another run's: " + other.output());
            assertTrue(other.result().detail().contains("cannot find symbol"), other.result().detail());
            assertTrue(other.result().detail().contains("Title"), other.result().detail());
            assertEquals(reusedBefore, WorkspaceCompiler.compilesInReusedContexts(),
                    "OtherTest names Title, which an earlier compile wrote: it gets a context of its own");
            assertEquals(1, other.newContexts(), "and its phase times say so");
        }
    }
}
