package dev.redyellow.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.testing.TestRunners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first attempt prepared in advance (replayed) is tested beside its feature's RED proof when a
 * test slot is free; it counts only once RED is proved. Real runs of python3's unittest, each
 * writing when it started and ended to a log outside the workspaces.
 */
class FirstAttemptBesideRedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEST = "import unittest\nfrom x import x\nclass T(unittest.TestCase):\n"
            + "    def test_it(self):\n        self.assertEqual(2, x)\n";

    private final TestRunners runners = TestRunners.standard();
    /** The progress messages of the runs so far. */
    private final ProgressRecorder output = new ProgressRecorder();
    private final List<String> progress = output.messages();

    @TempDir
    Path tmp;

    @AfterEach
    void closeRunners() {
        runners.close();
    }

    /** The test command: logs "start|end WORKSPACE TIME", waits, then runs unittest; with x.py present it waits {@code withCode} s. */
    private ObjectNode loggedTests(double withCode) throws Exception {
        Path script = Files.writeString(tmp.resolve("logged.py"), """
                import os, subprocess, sys, time
                log, with_code = sys.argv[1], float(sys.argv[2])
                name = os.path.basename(os.getcwd())
                def note(what):
                    with open(log, "a") as f:
                        f.write("%s %s %.6f\\n" % (what, name, time.time()))
                note("start")
                time.sleep(with_code if os.path.exists("x.py") else 0.6)
                code = subprocess.call([sys.executable, "-m", "unittest", "-v"])
                note("end")
                sys.exit(code)
                """);
        ObjectNode test = JSON.createObjectNode().put("kind", "command").put("timeoutSeconds", 120);
        test.putArray("command").add("python3").add(script.toString()).add(log().toString()).add(Double.toString(withCode));
        return test;
    }

    private Path log() {
        return tmp.resolve("runs.log");
    }

    private FeatureOutcome run(int workers, ObjectNode test, String testText, ObjectNode implementer) throws Exception {
        return run(workers, test, testText, implementer, null, "run");
    }

    private FeatureOutcome run(int workers, ObjectNode test, String testText, ObjectNode implementer,
                               dev.redyellow.cache.OpenedCache cache, String runName) throws Exception {
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "beside").put("maxAttempts", 2)
                .put("workers", workers);
        root.set("test", test);
        if (implementer != null) {
            root.set("implementer", implementer);
        }
        ObjectNode f = root.putArray("features").addObject().put("id", "x").put("title", "x");
        f.putObject("tests").put("test_x.py", testText);
        f.putArray("attempts").addObject().putObject("files").put("x.py", "x = 2\n");
        Path file = Files.writeString(tmp.resolve("manifest.json"), JSON.writeValueAsString(root));
        RunOptions options = cache == null
                ? new RunOptions(workers, tmp.resolve(runName), false, ManualDecisions.NOBODY, output)
                : new RunOptions(workers, tmp.resolve(runName), false, ManualDecisions.NOBODY, output,
                        cache.cache(), Map.of(), null, null);
        RunEngine engine = new RunEngine(ManifestLoader.load(file), options, runners, RunListener.NONE, Clock.systemUTC());
        return engine.run().outcomes().get(0);
    }

    /** Each logged run as [start, end] by the kind of workspace it ran in ("red", "attempt1"). */
    private Map<String, double[]> runs() throws Exception {
        Map<String, double[]> runs = new TreeMap<>();
        for (String line : Files.readAllLines(log())) {
            String[] parts = line.split(" ");
            String kind = parts[1].contains("-red-") ? "red" : parts[1].contains("-attempt1-") ? "attempt1" : parts[1];
            double[] span = runs.computeIfAbsent(kind, k -> new double[] {Double.NaN, Double.NaN});
            span["start".equals(parts[0]) ? 0 : 1] = Double.parseDouble(parts[2]);
        }
        return runs;
    }

    private static List<String> moves(FeatureOutcome o) {
        List<String> moves = new ArrayList<>();
        o.transitions().forEach(t -> moves.add(t.from() + "->" + t.to()));
        return moves;
    }

    @Test
    void aReplayedFirstAttemptIsTestedBesideTheRedProofAndCountsOnceRedIsProved() throws Exception {
        FeatureOutcome o = run(2, loggedTests(0.6), TEST, null);

        assertEquals(FeatureState.GREEN, o.state(), o.reason());
        assertEquals(List.of("PENDING->RED", "RED->YELLOW", "YELLOW->GREEN"), moves(o));
        assertTrue(o.transitions().get(0).reason().startsWith("red proved"), o.transitions().get(0).reason());
        assertEquals(2, o.testRuns());
        assertEquals(1, o.attempts());
        Map<String, double[]> runs = runs();
        assertEquals(List.of("attempt1", "red"), List.copyOf(runs.keySet()));
        double[] red = runs.get("red");
        double[] first = runs.get("attempt1");
        assertTrue(first[0] < red[1] && red[0] < first[1], "the two runs overlap: red " + red[0] + ".." + red[1]
                + ", attempt 1 " + first[0] + ".." + first[1]);
    }

    @Test
    void oneWorkerTestsTheFirstAttemptOnlyAfterTheRedProof() throws Exception {
        FeatureOutcome o = run(1, loggedTests(0.6), TEST, null);

        assertEquals(FeatureState.GREEN, o.state(), o.reason());
        Map<String, double[]> runs = runs();
        assertTrue(runs.get("red")[1] <= runs.get("attempt1")[0], "one slot: one run at a time");
    }

    @Test
    void anImplementerThatWritesCodeIsAskedOnlyOnceRedIsProved() throws Exception {
        Path writer = Files.writeString(tmp.resolve("writer.py"), """
                import sys, time
                with open(sys.argv[1], "a") as f:
                    f.write("start implementer %.6f\\nend implementer %.6f\\n" % (time.time(), time.time()))
                with open(sys.argv[2] + "/x.py", "w") as f:
                    f.write("x = 2\\n")
                """);
        ObjectNode implementer = JSON.createObjectNode().put("kind", "command").put("timeoutSeconds", 60);
        implementer.putArray("command").add("python3").add(writer.toString()).add(log().toString()).add("{workspace}");

        FeatureOutcome o = run(2, loggedTests(0.6), TEST, implementer);

        assertEquals(FeatureState.GREEN, o.state(), o.reason());
        Map<String, double[]> runs = runs();
        assertTrue(runs.get("red")[1] <= runs.get("implementer")[0], "asked after the RED proof ended");
        assertTrue(runs.get("implementer")[1] <= runs.get("attempt1")[0], "tested after it wrote");
    }

    @Test
    void aRedProofThatFailsStopsTheFirstAttemptsRunAndRecordsNothingOfIt() throws Exception {
        // The tests pass without the implementation (a RED violation); attempt 1's run would take ten
        // minutes: it is stopped, its process killed, and nothing of it is in the outcome.
        String passes = "import unittest\nclass T(unittest.TestCase):\n    def test_it(self):\n        self.assertTrue(True)\n";
        long started = System.nanoTime();
        FeatureOutcome o = run(2, loggedTests(600), passes, null);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(FeatureState.FAILED, o.state());
        assertTrue(o.reason().startsWith("red-violation"), o.reason());
        assertEquals(List.of("PENDING->FAILED"), moves(o));
        assertEquals(0, o.attempts());
        assertEquals(1, o.testRuns());
        assertTrue(seconds < 300, "did not wait for attempt 1's run: " + seconds + " s");
        Map<String, double[]> runs = runs();
        assertTrue(runs.containsKey("attempt1"), "attempt 1's run had started beside the proof: " + runs.keySet());
        assertTrue(Double.isNaN(runs.get("attempt1")[1]), "and never ended by itself");
        String script = tmp.resolve("logged.py").toString();
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(script)),
                "no process of the stopped run is left");
    }

    @Test
    void aRedProofTheCacheAnswersStartsNoRunBesideIt() throws Exception {
        // The tests pass without the implementation (a RED violation). The first run proves that and stops
        // attempt 1's run beside it; the second, on the same cache file, is answered the RED proof by the
        // cache and starts no run beside it at all (before, each re-run started one and threw it away).
        String passes = "import unittest\nclass T(unittest.TestCase):\n    def test_it(self):\n        self.assertTrue(True)\n";
        try (dev.redyellow.cache.OpenedCache cache = dev.redyellow.cache.TestCaches.open(tmp.resolve("cache.db"),
                dev.redyellow.cache.CacheSettings.defaults())) {
            FeatureOutcome first = run(2, loggedTests(600), passes, null, cache, "run1");
            assertEquals(FeatureState.FAILED, first.state());
            assertTrue(runs().containsKey("attempt1"), "the first run started attempt 1 beside the proof: " + runs().keySet());
            assertTrue(progress.contains("x: attempt 1: running the tests"), progress.toString());
            Files.delete(log());
            progress.clear();

            FeatureOutcome second = run(2, loggedTests(600), passes, null, cache, "run2");

            assertEquals(FeatureState.FAILED, second.state());
            assertTrue(second.reason().startsWith("red-violation"), second.reason());
            // a run beside, once started, always says so before anything can stop it
            assertEquals(List.of("x: RED proof: running the tests"), progress.stream().filter(m -> m.contains("running the tests"))
                    .toList(), "only the RED proof, answered by the cache: " + progress);
            assertFalse(Files.exists(log()), "no test process ran in the second run");
        }
    }
}
