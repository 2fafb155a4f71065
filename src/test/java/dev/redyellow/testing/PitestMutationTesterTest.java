package dev.redyellow.testing;

import static dev.redyellow.testing.MutationFixtures.AGE;
import static dev.redyellow.testing.MutationFixtures.AGE_CODE;
import static dev.redyellow.testing.MutationFixtures.AGE_TEST;
import static dev.redyellow.testing.MutationFixtures.COUNTDOWN;
import static dev.redyellow.testing.MutationFixtures.COUNTDOWN_CODE;
import static dev.redyellow.testing.MutationFixtures.COUNTDOWN_TEST;
import static dev.redyellow.testing.MutationFixtures.MAX;
import static dev.redyellow.testing.MutationFixtures.MAX_CODE;
import static dev.redyellow.testing.MutationFixtures.MAX_TEST;
import static dev.redyellow.testing.MutationFixtures.test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.manifest.MutationSettings;
import dev.redyellow.manifest.TestSettings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real PIT in real JVMs, from the jars bundled in the build, on workspaces in temporary folders. */
class PitestMutationTesterTest {


    @TempDir
    static Path cache;
    private static PitestMutationTester tester;

    @TempDir
    Path workspace;

    @BeforeAll
    static void createTester() {
        tester = new PitestMutationTester(new ProcessRunner(), new JUnitConsoleJar(List.of(cache)),
                new PitestJars(List.of(cache)));
    }

    @Test
    void pitThreadsShareTheCoresWithTheRunsWorkers() {
        assertEquals(2, PitestMutationTester.threadsFor(2, 1));
        assertEquals(1, PitestMutationTester.threadsFor(2, 2));
        assertEquals(1, PitestMutationTester.threadsFor(2, 3), "never fewer than one thread");
        assertEquals(4, PitestMutationTester.threadsFor(16, 2), "at most four");
        assertEquals(2, PitestMutationTester.threadsFor(8, 4));
    }

    @Test
    void weakTestsLeaveSurvivorsNamedByFileLineAndChange() throws Exception {
        write(MAX_CODE, MAX);
        write(MAX_TEST, test("MaxTest", "@Test void notNegative() { assertTrue(Max.of(3, 2) >= 0); }"));

        MutationResult result = measure(List.of(MAX_TEST), List.of(MAX_CODE));

        assertEquals(MutationResult.Status.MEASURED, result.status(), result.detail());
        assertTrue(result.generated() >= 3, result.toString());
        assertTrue(result.survived() >= 2, result.toString());
        assertEquals(result.generated(), result.killed() + result.survived());
        assertTrue(result.survivors().stream().allMatch(m -> m.file().equals("Max.java") && m.line() == 5), result.toString());
        assertTrue(result.survivorList().contains("Max.java:5: negated conditional"), result.survivorList());
    }

    @Test
    void strongTestsKillEveryMutant() throws Exception {
        write(AGE_CODE, AGE);
        write(AGE_TEST, test("AgeTest", """
                @Test void eighteenIsAdult() { assertTrue(Age.adult(18)); }
                @Test void seventeenIsNot() { assertFalse(Age.adult(17)); }
                """));

        MutationResult result = measure(List.of(AGE_TEST), List.of(AGE_CODE));

        assertEquals(MutationResult.Status.MEASURED, result.status(), result.detail());
        assertTrue(result.generated() >= 3, result.toString());
        assertEquals(0, result.survived(), result.toString());
        assertEquals(1.0, result.score());
    }

    @Test
    void onlyTheFeaturesOwnClassesAreMutatedAndOnlyItsOwnTestsRun() throws Exception {
        write(MAX_CODE, MAX);
        write(MAX_TEST, test("MaxTest", "@Test void first() { assertEquals(3, Max.of(3, 2)); }"));
        // a dependency's class and a test of the dependency that would fail under any mutant of Max
        write("src/main/java/calc/Other.java", "package calc; public final class Other { "
                + "public static int twice(int x) { return x * 2; } }");
        write("src/test/java/calc/OtherTest.java", test("OtherTest", "@Test void twice() { assertEquals(4, Other.twice(2)); }"));

        MutationResult result = measure(List.of(MAX_TEST), List.of(MAX_CODE));

        assertTrue(result.measured(), result.detail());
        assertTrue(result.survivors().stream().noneMatch(m -> m.file().equals("Other.java")), result.toString());
        String xml = Files.readString(workspace.resolve(".redyellow/pitest/mutations.xml"));
        assertTrue(xml.contains("calc.Max") && !xml.contains("calc.Other<"), xml);
        assertTrue(!xml.contains("OtherTest"), "the dependency's test ran: " + xml);
    }

    @Test
    void aMutantThatLoopsForEverTimesOutAndCountsAsKilled() throws Exception {
        write(COUNTDOWN_CODE, COUNTDOWN);
        write(COUNTDOWN_TEST, test("CountdownTest",
                "@Test void three() { assertEquals(3, Countdown.steps(3)); }"));

        MutationResult result = measure(List.of(COUNTDOWN_TEST),
                List.of(COUNTDOWN_CODE));

        assertTrue(result.measured(), result.detail());
        String xml = Files.readString(workspace.resolve(".redyellow/pitest/mutations.xml"));
        assertTrue(xml.contains("status='TIMED_OUT'"), xml);
        assertTrue(result.survivors().stream().noneMatch(m -> m.change().contains("subtraction")), result.toString());
        assertTrue(result.killed() >= 1, result.toString());
    }

    @Test
    void aClassWithNothingToMutateScoresOneWithNoMutant() throws Exception {
        // found by bench mutation: PIT exits 0 and writes no report when it makes no mutant
        write("src/main/java/calc/Oops.java", "package calc;\npublic class Oops extends RuntimeException {\n"
                + "    public Oops(String message) { super(message); }\n}\n");
        write("src/test/java/calc/OopsTest.java", test("OopsTest",
                "@Test void message() { assertEquals(\"x\", new Oops(\"x\").getMessage()); }"));

        MutationResult result = measure(List.of("src/test/java/calc/OopsTest.java"), List.of("src/main/java/calc/Oops.java"));

        assertEquals(MutationResult.Status.MEASURED, result.status(), result.detail());
        assertEquals(0, result.generated());
        assertEquals(1.0, result.score());
    }

    @Test
    void sourcesOutsideTheMavenLayoutAreMutatedToo() throws Exception {
        write("calc/Max.java", MAX);
        write("test/calc/MaxTest.java", test("MaxTest", "@Test void first() { assertEquals(3, Max.of(3, 2)); }"));

        MutationResult result = measure(List.of("test/calc/MaxTest.java"), List.of("calc/Max.java"));

        assertEquals(MutationResult.Status.MEASURED, result.status(), result.detail());
        assertTrue(result.generated() >= 3, result.toString());
    }

    @Test
    void aClassWithMoreMutantsThanTheCapIsMeasuredOnASampleThatSaysSo() throws Exception {
        write("src/main/java/calc/Grade.java", """
                package calc;

                public final class Grade {
                    public static String of(int points) {
                        if (points >= 90) {
                            return "A";
                        }
                        if (points >= 80) {
                            return "B";
                        }
                        if (points >= 70) {
                            return "C";
                        }
                        return points > 0 ? "D" : "F";
                    }
                }
                """);
        write("src/test/java/calc/GradeTest.java", test("GradeTest", "@Test void a() { assertEquals(\"A\", Grade.of(95)); }"));
        List<String> tests = List.of("src/test/java/calc/GradeTest.java");
        List<String> code = List.of("src/main/java/calc/Grade.java");

        MutationResult all = measure(tests, code, 0);
        MutationResult sample = measure(tests, code, 3);

        assertTrue(all.measured(), all.detail());
        assertTrue(all.generated() > 3, all.toString());
        assertEquals(0, all.perClassCap());
        assertFalse(all.summary().contains("sample"), all.summary());
        assertTrue(sample.measured(), sample.detail());
        assertEquals(3, sample.generated(), sample.toString());
        assertEquals(3, sample.perClassCap());
        assertTrue(sample.summary().endsWith(", at most 3 mutants per class sampled"), sample.summary());
    }

    @Test
    void aCappedRunWithoutAReportIsStillLabelledCapped() throws Exception {
        // PIT applies CLASSLIMIT before its other filters and writes no report when no mutant is left,
        // so "0 mutants" from a capped run must not read as every mutant measured
        write("src/main/java/calc/Oops.java", "package calc;\npublic class Oops extends RuntimeException {\n"
                + "    public Oops(String message) { super(message); }\n}\n");
        write("src/test/java/calc/OopsTest.java", test("OopsTest",
                "@Test void message() { assertEquals(\"x\", new Oops(\"x\").getMessage()); }"));

        MutationResult result = measure(List.of("src/test/java/calc/OopsTest.java"), List.of("src/main/java/calc/Oops.java"), 5);

        assertEquals(MutationResult.Status.MEASURED, result.status(), result.detail());
        assertEquals(0, result.generated());
        assertEquals(5, result.perClassCap(), result.toString());
    }

    @Test
    void codeThatDoesNotCompileIsAnErrorNotAScore() throws Exception {
        write(MAX_CODE, "package calc; public final class Max { broken }");
        write(MAX_TEST, test("MaxTest", "@Test void first() { assertEquals(3, Max.of(3, 2)); }"));

        MutationResult result = measure(List.of(MAX_TEST), List.of(MAX_CODE));

        assertEquals(MutationResult.Status.ERROR, result.status());
        assertTrue(result.detail().startsWith("the workspace does not compile"), result.detail());
    }

    @Test
    void filesWithoutJavaSourceAreNotMeasured() throws Exception {
        write("src/main/resources/calc/data.txt", "1 2 3");
        write(MAX_TEST, test("MaxTest", "@Test void first() { assertEquals(1, 1); }"));

        MutationResult result = measure(List.of(MAX_TEST), List.of("src/main/resources/calc/data.txt"));

        assertEquals(MutationResult.Status.NOT_MEASURED, result.status());
        assertTrue(result.summary().startsWith("not measured: "), result.summary());
    }

    @Test
    void theBasesClassesFromTheTestRunsServePitAndTheScoreIsTheWholeCompilesScore(@TempDir Path tmp) throws Exception {
        // the base: a helper the feature's code calls; the feature: Max and its strong test
        Path base = tmp.resolve("base");
        Files.createDirectories(base.resolve("src/main/java/calc"));
        Files.writeString(base.resolve("src/main/java/calc/Pick.java"), """
                package calc;

                public final class Pick {
                    public static int first(int a, int b, boolean takeA) {
                        return takeA ? a : b;
                    }
                }
                """);
        String max = "package calc;\n\npublic final class Max {\n    public static int of(int a, int b) {\n"
                + "        return Pick.first(a, b, a > b);\n    }\n}\n";
        String maxTest = test("MaxTest", "@Test void larger() { assertEquals(3, Max.of(3, 2)); assertEquals(3, Max.of(2, 3));"
                + " assertEquals(2, Max.of(2, 2)); }");
        dev.redyellow.exec.WorkspaceFactory factory = new dev.redyellow.exec.WorkspaceFactory(tmp.resolve("run"), base);
        MutationResult[] results = new MutationResult[2];
        String[] outputs = new String[2];
        for (int i = 0; i < 2; i++) {
            dev.redyellow.exec.WorkspacePlan plan = factory.plan("max", "mutation" + i, List.of(
                    dev.redyellow.manifest.FileSet.ofText(java.util.Map.of(MAX_CODE, max, MAX_TEST, maxTest))));
            plan.materialise();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OutputSink sink = (stream, bytes, offset, length) -> {
                synchronized (out) {
                    out.write(bytes, offset, length);
                }
            };
            MutationSettings settings = new MutationSettings(true, OptionalDouble.empty(), 300,
                    MutationSettings.DEFAULT_MAX_MUTANTS_PER_CLASS);
            results[i] = tester.measure(new MutationRequest(plan.root(), new TestSettings.JUnit(120), settings,
                    List.of(MAX_TEST), List.of(MAX_CODE), sink, "max", i == 0 ? plan.baseFiles() : java.util.Optional.empty()));
            synchronized (out) {
                outputs[i] = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
        }

        assertTrue(outputs[0].contains("compiled 2 of 3 sources"), outputs[0]);
        assertTrue(outputs[1].contains("compiled all 3 sources"), outputs[1]);
        for (MutationResult result : results) {
            assertEquals(MutationResult.Status.MEASURED, result.status(), result.detail());
        }
        assertEquals(results[1].generated(), results[0].generated());
        assertEquals(results[1].killed(), results[0].killed());
        assertEquals(results[1].survivorList(), results[0].survivorList());
        assertTrue(results[0].generated() > 0, results[0].toString());
    }

    private MutationResult measure(List<String> tests, List<String> code) throws InterruptedException {
        return measure(tests, code, MutationSettings.DEFAULT_MAX_MUTANTS_PER_CLASS);
    }

    private MutationResult measure(List<String> tests, List<String> code, int maxMutantsPerClass)
            throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputSink sink = (stream, bytes, offset, length) -> {
            synchronized (out) {
                out.write(bytes, offset, length);
            }
        };
        MutationSettings settings = new MutationSettings(true, OptionalDouble.empty(), 300, maxMutantsPerClass);
        MutationResult result = tester.measure(new MutationRequest(workspace, new TestSettings.JUnit(60), settings,
                tests, code, sink, "calc"));
        if (result.status() == MutationResult.Status.ERROR) {
            System.out.println(out.toString(StandardCharsets.UTF_8));
        }
        return result;
    }


    private void write(String path, String text) throws Exception {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
