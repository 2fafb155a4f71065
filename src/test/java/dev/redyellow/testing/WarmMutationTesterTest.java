package dev.redyellow.testing;

import static dev.redyellow.testing.MutationFixtures.AGE;
import static dev.redyellow.testing.MutationFixtures.AGE_CODE;
import static dev.redyellow.testing.MutationFixtures.AGE_TEST;
import static dev.redyellow.testing.MutationFixtures.CALC;
import static dev.redyellow.testing.MutationFixtures.CALC_CODE;
import static dev.redyellow.testing.MutationFixtures.CALC_TEST;
import static dev.redyellow.testing.MutationFixtures.COUNTDOWN;
import static dev.redyellow.testing.MutationFixtures.COUNTDOWN_CODE;
import static dev.redyellow.testing.MutationFixtures.COUNTDOWN_TEST;
import static dev.redyellow.testing.MutationFixtures.MAX;
import static dev.redyellow.testing.MutationFixtures.MAX_CODE;
import static dev.redyellow.testing.MutationFixtures.MAX_TEST;
import static dev.redyellow.testing.MutationFixtures.test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutants made by the bundled PIT and run on real warm worker JVMs, on workspaces in temporary
 * folders, judged against PIT's own way of running them (its JVMs) on the same code.
 */
class WarmMutationTesterTest {


    @TempDir
    static Path cache;
    private static WarmWorkerPool pool;
    private static WarmMutationTester warm;
    private static PitestMutationTester pit;

    @TempDir
    Path tmp;
    private Path workspace;
    private String output = "";

    @BeforeAll
    static void createTesters() {
        JUnitConsoleJar console = new JUnitConsoleJar(List.of(cache));
        PitestJars jars = new PitestJars(List.of(cache));
        pool = new WarmWorkerPool(console, dev.redyellow.testing.worker.TestJvm.MUTATION_OPTIONS);
        warm = new WarmMutationTester(pool, new PitMutants(jars));
        pit = new PitestMutationTester(new ProcessRunner(), console, jars);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void weakTestsLeaveTheSurvivorsPitsOwnRunLeaves() throws Exception {
        write(MAX_CODE, MAX);
        write(MAX_TEST, test("MaxTest", "@Test void notNegative() { assertTrue(Max.of(3, 2) >= 0); }"));

        MutationResult onWorkers = measure(warm, List.of(MAX_TEST), List.of(MAX_CODE), 100);
        MutationResult inPit = measure(pit, List.of(MAX_TEST), List.of(MAX_CODE), 100);

        assertEquals(MutationResult.Status.MEASURED, onWorkers.status(), onWorkers.detail() + "\n" + output);
        assertTrue(onWorkers.survived() >= 2, onWorkers.toString());
        assertTrue(onWorkers.survivorList().contains("Max.java:5: negated conditional"), onWorkers.survivorList());
        assertEquals(inPit.generated(), onWorkers.generated(), inPit + " / " + onWorkers);
        assertEquals(inPit.killed(), onWorkers.killed(), inPit + " / " + onWorkers);
        assertEquals(sorted(inPit), sorted(onWorkers));
        assertEquals(100, onWorkers.perClassCap());
    }

    @Test
    void strongTestsKillEveryMutantAsInPit() throws Exception {
        write(AGE_CODE, AGE);
        write(AGE_TEST, test("AgeTest", """
                @Test void eighteenIsAdult() { assertTrue(Age.adult(18)); }
                @Test void seventeenIsNot() { assertFalse(Age.adult(17)); }
                """));

        MutationResult onWorkers = measure(warm, List.of(AGE_TEST), List.of(AGE_CODE), 0);
        String warmOutput = output;
        MutationResult inPit = measure(pit, List.of(AGE_TEST), List.of(AGE_CODE), 0);

        assertEquals(MutationResult.Status.MEASURED, onWorkers.status(), onWorkers.detail() + "\n" + output);
        assertTrue(onWorkers.generated() >= 3, onWorkers.toString());
        assertEquals(inPit.generated(), onWorkers.generated());
        assertEquals(0, onWorkers.survived(), onWorkers.toString());
        assertTrue(warmOutput.contains("mutants made by PIT"), warmOutput);
    }

    @Test
    void aMutantsRunStopsAtItsFirstFailingTest() throws Exception {
        write(AGE_CODE, AGE);
        // the first test kills every mutant; the second notes each time it runs, in a file of the workspace
        write(AGE_TEST, """
                package calc;
                import static org.junit.jupiter.api.Assertions.*;
                import java.nio.file.*;
                import org.junit.jupiter.api.*;
                @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
                class AgeTest {
                    @Test @Order(1) void boundary() { assertTrue(Age.adult(18)); assertFalse(Age.adult(17)); }
                    @Test @Order(2) void notes() throws Exception {
                        Age.adult(40); // it reaches the mutated line too: only the stop keeps it from running
                        Files.writeString(Path.of("ran.txt"), "ran\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                }
                """);

        MutationResult result = measure(warm, List.of(AGE_TEST), List.of(AGE_CODE), 0);

        assertEquals(0, result.survived(), result + "\n" + output);
        assertTrue(result.killed() >= 3, result.toString());
        // once for the run without a mutant, never after a mutant's first failure
        assertEquals(List.of("ran"), Files.readAllLines(workspace.resolve("ran.txt")));
    }

    @Test
    void aMutantOnALineNoTestReachesSurvivesWithoutARunAsPitsNoCoverage() throws Exception {
        write(CALC_CODE, CALC);
        write(CALC_TEST, test("CalcTest", "@Test void next() { assertEquals(2, Calc.next(1)); }"));

        MutationResult onWorkers = measure(warm, List.of(CALC_TEST),
                List.of(CALC_CODE), 0);
        String warmOutput = output;
        MutationResult inPit = measure(pit, List.of(CALC_TEST),
                List.of(CALC_CODE), 0);

        assertTrue(onWorkers.measured(), onWorkers.detail() + "\n" + warmOutput);
        assertTrue(onWorkers.survivors().stream().anyMatch(m -> m.line() == 9 && m.change().endsWith("(no test runs this line)")),
                onWorkers.toString());
        assertTrue(onWorkers.survivors().stream().noneMatch(m -> m.line() == 5), onWorkers.toString());
        assertEquals(sorted(inPit), sorted(onWorkers));
        assertEquals(inPit.killed(), onWorkers.killed());
        assertTrue(warmOutput.contains("reached by no test") && !warmOutput.contains("(0 reached by no test)"), warmOutput);
    }

    @Test
    void aMutantRunsOnlyTheTestsThatReachItsLine() throws Exception {
        write(CALC_CODE, CALC);
        // the first test reaches twice() only and notes each run; the second kills every mutant of next()
        write(CALC_TEST, """
                package calc;
                import static org.junit.jupiter.api.Assertions.*;
                import java.nio.file.*;
                import org.junit.jupiter.api.*;
                @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
                class CalcTest {
                    @Test @Order(1) void twice() throws Exception {
                        Calc.twice(3);
                        Files.writeString(Path.of("ran.txt"), "ran\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                    @Test @Order(2) void next() { assertEquals(2, Calc.next(1)); }
                }
                """);

        MutationResult result = measure(warm, List.of(CALC_TEST),
                List.of(CALC_CODE), 0);

        assertTrue(result.measured(), result.detail() + "\n" + output);
        long twiceMutants = result.survivors().stream().filter(m -> m.line() == 9).count();
        assertTrue(twiceMutants >= 1 && result.killed() >= 1, result.toString());
        // the coverage run, then once per mutant of twice(): never for a mutant of next()
        assertEquals(1 + twiceMutants, Files.readAllLines(workspace.resolve("ran.txt")).size(), result.toString());
    }

    @Test
    void aMutantThatLoopsForEverIsKilledByTheTimeLimitAndTheNextMutantsRunOnAFreshWorker() throws Exception {
        write(COUNTDOWN_CODE, COUNTDOWN);
        write(COUNTDOWN_TEST, test("CountdownTest",
                "@Test void three() { assertEquals(3, Countdown.steps(3)); }"));
        int recyclesBefore = pool.state().recycles();

        MutationResult result = measure(warm, List.of(COUNTDOWN_TEST),
                List.of(COUNTDOWN_CODE), 0);
        String warmOutput = output;
        MutationResult inPit = measure(pit, List.of(COUNTDOWN_TEST),
                List.of(COUNTDOWN_CODE), 0);
        output = warmOutput;

        assertTrue(result.measured(), result.detail() + "\n" + output);
        assertEquals(inPit.killed(), result.killed(), inPit + " / " + result);
        assertEquals(sorted(inPit), sorted(result));
        assertTrue(result.survivors().stream().noneMatch(m -> m.change().contains("subtraction")), result.toString());
        assertTrue(output.matches("(?s).*\\(\\d+ by the time limit\\).*") && !output.contains("(0 by the time limit)"), output);
        assertTrue(pool.state().recycles() > recyclesBefore, pool.state().toString());
        assertTrue(result.generated() > 2, "the mutants after the loop were measured too: " + result);
    }

    @Test
    void aMutantWhoseTestEndsTheJvmIsKilledAndTheWorkerReplaced() throws Exception {
        write(MAX_CODE, MAX);
        write(MAX_TEST, test("MaxTest", "@Test void exitsWhenWrong() { if (Max.of(3, 2) != 3) System.exit(3); }"));

        MutationResult result = measure(warm, List.of(MAX_TEST), List.of(MAX_CODE), 0);
        MutationResult inPit = measure(pit, List.of(MAX_TEST), List.of(MAX_CODE), 0);

        assertTrue(result.measured(), result.detail() + "\n" + output);
        assertTrue(result.survivors().stream().noneMatch(m -> m.change().equals("negated conditional")), result.toString());
        // the mutants after the exit ran on a fresh worker: the one the test does not catch survives
        assertTrue(result.survivors().stream().anyMatch(m -> m.change().equals("changed conditional boundary")),
                result.toString());
        assertEquals(inPit.killed(), result.killed(), inPit + " / " + result);
    }

    @Test
    void aWorkerServesItsRunLimitInAMeasurementTooAndTheScoreStaysTheSame() throws Exception {
        write(MAX_CODE, MAX);
        write(MAX_TEST, test("MaxTest", "@Test void notNegative() { assertTrue(Max.of(3, 2) >= 0); }"));
        MutationResult unlimited = measure(warm, List.of(MAX_TEST), List.of(MAX_CODE), 0);
        int recyclesBefore = pool.state().recycles();

        MutationResult limited = measure(warm, new TestSettings.JUnit(60, TestSettings.Fork.WARM,
                TestSettings.JUnit.DEFAULT_WORKER_HEAP_MB, 2), List.of(MAX_TEST), List.of(MAX_CODE), 0);

        assertTrue(limited.measured(), limited.detail() + "\n" + output);
        assertTrue(pool.state().recycles() >= recyclesBefore + 2, pool.state().toString());
        assertEquals(sorted(unlimited), sorted(limited));
        assertEquals(unlimited.killed(), limited.killed());
    }

    @Test
    void testsThatFailWithoutAMutantAreAnErrorNotAScore() throws Exception {
        write(MAX_CODE, MAX);
        write(MAX_TEST, test("MaxTest", "@Test void wrong() { assertEquals(2, Max.of(3, 2)); }"));

        MutationResult result = measure(warm, List.of(MAX_TEST), List.of(MAX_CODE), 0);

        assertEquals(MutationResult.Status.ERROR, result.status(), result.toString());
        assertTrue(result.detail().contains("do not pass on the warm worker without a mutant")
                && result.detail().contains("MaxTest"), result.detail());
    }

    @Test
    void aClassWithNothingToMutateScoresOne() throws Exception {
        write("src/main/java/calc/Oops.java", "package calc;\npublic class Oops extends RuntimeException {\n"
                + "    public Oops(String message) { super(message); }\n}\n");
        write("src/test/java/calc/OopsTest.java", test("OopsTest",
                "@Test void message() { assertEquals(\"x\", new Oops(\"x\").getMessage()); }"));

        MutationResult result = measure(warm, List.of("src/test/java/calc/OopsTest.java"),
                List.of("src/main/java/calc/Oops.java"), 5);

        assertEquals(MutationResult.Status.MEASURED, result.status(), result.detail());
        assertEquals(0, result.generated());
        assertEquals(5, result.perClassCap());
    }

    @Test
    void aMutantRunsTheTestsReachingItsLineFastestFirstAndEveryTestForLinesOutsideAnyTest() {
        WarmMutationTester.Coverage coverage = WarmMutationTester.Coverage.of(List.of(
                new dev.redyellow.testing.worker.TestLines("slow", 40, new int[] {5, 7}).encode(),
                new dev.redyellow.testing.worker.TestLines("fast", 3, new int[] {5}).encode(),
                new dev.redyellow.testing.worker.TestLines(dev.redyellow.testing.worker.TestLines.OUTSIDE, 0,
                        new int[] {9}).encode()), "");
        WarmMutationTester.Coverage unknown = WarmMutationTester.Coverage.of(List.of(), "tests ran at the same time");

        assertEquals(Optional.of(List.of("fast", "slow")), coverage.testsReaching(5));
        assertEquals(Optional.of(List.of("slow")), coverage.testsReaching(7));
        assertEquals(Optional.of(List.of()), coverage.testsReaching(6), "no test reaches line 6");
        assertEquals(Optional.empty(), coverage.testsReaching(9), "reached in set-up: every test may need it");
        assertEquals(Optional.empty(), unknown.testsReaching(5));
        assertTrue(unknown.describe().contains("tests ran at the same time"), unknown.describe());
    }

    @Test
    void warmJunitFeaturesAreMeasuredOnTheWorkersAndPerRunOnesByPitsJvmsUnderToolsOfTheirOwn() {
        MutationTesters testers = new MutationTesters(pit, Optional.of(warm), new CommandMutationTester(new ProcessRunner()),
                Optional.empty());
        MutationTesters forcedPerRun = new MutationTesters(pit, Optional.of(warm),
                new CommandMutationTester(new ProcessRunner()), Optional.of(TestSettings.Fork.PER_RUN));
        MutationRequest warmRequest = request(new TestSettings.JUnit(60), 0);
        MutationRequest perRunRequest = request(new TestSettings.JUnit(60, TestSettings.Fork.PER_RUN,
                TestSettings.JUnit.DEFAULT_WORKER_HEAP_MB, TestSettings.JUnit.DEFAULT_RUNS_PER_WORKER), 0);

        assertEquals(warm.tool(warmRequest), testers.tool(warmRequest));
        assertEquals(PitestJars.VERSION, testers.tool(perRunRequest));
        assertEquals(PitestJars.VERSION, forcedPerRun.tool(warmRequest));
        assertNotEquals(warm.tool(warmRequest), pit.tool(warmRequest), "the two ways must not share cached scores");
    }

    private static List<String> sorted(MutationResult result) {
        return result.survivors().stream().map(Mutant::describe).sorted().toList();
    }

    private MutationResult measure(MutationTester tester, List<String> tests, List<String> code, int maxMutantsPerClass)
            throws InterruptedException {
        return measure(tester, new TestSettings.JUnit(60), tests, code, maxMutantsPerClass);
    }

    private MutationResult measure(MutationTester tester, TestSettings.JUnit junit, List<String> tests, List<String> code,
                                   int maxMutantsPerClass) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputSink sink = (stream, bytes, offset, length) -> {
            synchronized (out) {
                out.write(bytes, offset, length);
            }
        };
        MutationSettings settings = new MutationSettings(true, OptionalDouble.empty(), 300, maxMutantsPerClass);
        MutationResult result = tester.measure(new MutationRequest(workspace, junit, settings, tests, code, sink, "calc"));
        synchronized (out) {
            output = out.toString(StandardCharsets.UTF_8);
        }
        return result;
    }

    private MutationRequest request(TestSettings test, int maxMutantsPerClass) {
        return new MutationRequest(tmp, test, new MutationSettings(true, OptionalDouble.empty(), 300, maxMutantsPerClass),
                List.of(), List.of(), OutputSink.DISCARD, "calc");
    }


    private void write(String path, String text) throws Exception {
        if (workspace == null) {
            // a workspace in a folder of its own: the warm workers' folders are made beside it
            workspace = Files.createDirectories(tmp.resolve("runs").resolve("ws"));
        }
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
