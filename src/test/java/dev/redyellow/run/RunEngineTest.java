package dev.redyellow.run;

import dev.redyellow.testkit.PyManifest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.StepOutput;
import dev.redyellow.cycle.Transition;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.testing.TestRunners;
import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.TestCache;
import dev.redyellow.cache.TestCaches;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole cycle on real Python projects, run for real by python3. */
class RunEngineTest {
    private final TestRunners runners = TestRunners.standard();

    @org.junit.jupiter.api.AfterEach
    void closeRunners() {
        runners.close();
    }

    private static final String ADD_OK = "def add(a, b):\n    return a + b\n";
    private static final String ADD_WRONG = "def add(a, b):\n    return a - b\n";
    /** A dependent of add: its test and its code both use add. */
    private static final String TWICE_TEST = "from twice import twice\nself.assertEqual(8, twice(4))";
    private static final String TWICE_OK = "from add import add\n\ndef twice(x):\n    return add(x, x)\n";
    private static final String ADD_TEST = "from add import add\nself.assertEqual(5, add(2, 3))";

    @TempDir
    Path tmp;

    private RunResult run(Manifest manifest, int workers, RunListener listener) throws Exception {
        RunEngine engine = new RunEngine(manifest, new RunOptions(workers, tmp.resolve("run"), false,
                ManualDecisions.NOBODY, StepOutput.DISCARD), runners, listener, Clock.systemUTC());
        return engine.run();
    }

    private static Map<String, FeatureOutcome> byId(RunResult r) {
        return r.outcomes().stream().collect(Collectors.toMap(FeatureOutcome::id, o -> o));
    }

    private static List<String> path(FeatureOutcome o) {
        return o.transitions().stream().map(t -> t.from() + "->" + t.to()).toList();
    }

    @Test
    void aFailingFirstAttemptGoesRedRedYellowGreen() throws Exception {
        Manifest m = new PyManifest().feature("add", List.of(), ADD_TEST, ADD_WRONG, ADD_OK).load(tmp);
        RunResult r = run(m, 1, RunListener.NONE);
        FeatureOutcome add = byId(r).get("add");
        assertEquals(List.of("PENDING->RED", "RED->RED", "RED->YELLOW", "YELLOW->GREEN"), path(add));
        assertTrue(add.transitions().get(0).reason().startsWith("red proved"), add.transitions().get(0).reason());
        assertEquals(FeatureState.GREEN, add.state());
        assertEquals(2, add.attempts());
        assertEquals(3, add.testRuns());
        assertTrue(r.allGreen());
        assertEquals(ADD_OK, add.acceptedFiles().restore().text("add.py"));
    }

    @Test
    void aDependentSeesItsGreenDependencysCode() throws Exception {
        Manifest m = new PyManifest()
                .feature("add", List.of(), ADD_TEST, ADD_OK)
                .feature("twice", List.of("add"), TWICE_TEST, TWICE_OK)
                .load(tmp);
        RunResult r = run(m, 2, RunListener.NONE);
        assertTrue(r.allGreen(), r.outcomes().toString());
    }

    @Test
    void dependentsOfAFailedFeatureEndBlockedWithTheReason() throws Exception {
        Manifest m = new PyManifest().maxAttempts(2)
                .feature("add", List.of(), ADD_TEST, ADD_WRONG, "def add(a, b):\n    return 0\n")
                .feature("twice", List.of("add"), "self.assertTrue(True)", "x = 1\n")
                .feature("thrice", List.of("twice"), "self.assertTrue(True)", "x = 1\n")
                .load(tmp);
        Map<String, FeatureOutcome> o = byId(run(m, 2, RunListener.NONE));
        assertEquals(FeatureState.FAILED, o.get("add").state());
        assertTrue(o.get("add").reason().startsWith("attempts-exhausted"), o.get("add").reason());
        assertEquals(FeatureState.BLOCKED, o.get("twice").state());
        assertEquals("dependency-failed: add ended FAILED", o.get("twice").reason());
        assertEquals(FeatureState.BLOCKED, o.get("thrice").state());
        assertEquals("dependency-failed: twice ended BLOCKED", o.get("thrice").reason());
        assertEquals(List.of("PENDING->BLOCKED"), path(o.get("thrice")));
    }

    @Test
    void testsThatPassWithoutTheImplementationAreARedViolation() throws Exception {
        Manifest m = new PyManifest().feature("trivial", List.of(), "self.assertEqual(2, 1 + 1)", ADD_OK).load(tmp);
        FeatureOutcome o = byId(run(m, 1, RunListener.NONE)).get("trivial");
        assertEquals(List.of("PENDING->FAILED"), path(o));
        assertTrue(o.reason().startsWith("red-violation"), o.reason());
    }

    @Test
    void theSameFailureTwiceStagnates() throws Exception {
        Manifest m = new PyManifest().maxAttempts(4).stagnationLimit(2)
                .feature("add", List.of(), ADD_TEST, ADD_WRONG, ADD_WRONG, ADD_OK, ADD_OK).load(tmp);
        FeatureOutcome o = byId(run(m, 1, RunListener.NONE)).get("add");
        assertEquals(FeatureState.FAILED, o.state());
        assertTrue(o.reason().startsWith("stagnated"), o.reason());
        assertEquals(2, o.attempts());
    }

    @Test
    void aRejectingReviewerSendsTheFeatureBackToRedAndEndsReviewRejected() throws Exception {
        ObjectNode reject = PyManifest.commandReview("python3", "-c", "print('VERDICT: REJECTED'); print('needs docs')");
        Manifest m = new PyManifest().maxAttempts(2).feature("add", List.of(), reject, ADD_TEST, ADD_OK, ADD_OK).load(tmp);
        FeatureOutcome o = byId(run(m, 1, RunListener.NONE)).get("add");
        assertEquals(List.of("PENDING->RED", "RED->YELLOW", "YELLOW->RED", "RED->YELLOW", "YELLOW->RED", "RED->FAILED"), path(o));
        assertTrue(o.reason().startsWith("review-rejected"), o.reason());
        assertTrue(o.reason().contains("needs docs"), o.reason());
    }

    @Test
    void notApprovedIsNotApproval() throws Exception {
        ObjectNode sly = PyManifest.commandReview("python3", "-c", "print('NOT APPROVED')");
        Manifest m = new PyManifest().maxAttempts(1).feature("add", List.of(), sly, ADD_TEST, ADD_OK).load(tmp);
        FeatureOutcome o = byId(run(m, 1, RunListener.NONE)).get("add");
        assertEquals(FeatureState.FAILED, o.state());
        assertTrue(o.reason().startsWith("review-rejected"), o.reason());
    }

    @Test
    void independentFeaturesRunAtTheSameTime() throws Exception {
        String slow = "import time\ntime.sleep(1.0)\nfrom m{0} import v\nself.assertEqual(1, v)";
        Manifest m = new PyManifest()
                .feature("m1", List.of(), slow.replace("{0}", "1"), "v = 1\n")
                .feature("m2", List.of(), slow.replace("{0}", "2"), "v = 1\n")
                .load(tmp);
        RunResult r = run(m, 2, RunListener.NONE);
        assertTrue(r.allGreen());
        assertEquals(2, r.metrics().peakConcurrency());
        assertTrue(r.metrics().speedup() > 1.0, "speedup " + r.metrics().speedup());
        assertEquals(2, r.metrics().timeline().stream().map(TimelineEntry::worker).distinct().count());
    }

    private RunResult runWith(Manifest manifest, int workers, TestCache cache, Duration featureTimeout, Duration runTimeout)
            throws Exception {
        return new RunEngine(manifest, new RunOptions(workers, tmp.resolve("run"), false, ManualDecisions.NOBODY,
                StepOutput.DISCARD, cache, Map.of(), featureTimeout, runTimeout), runners, RunListener.NONE,
                Clock.systemUTC()).run();
    }

    /**
     * A run of {@code m} on one worker without a cache, whose test runner throws {@code error} for the
     * feature {@code id} (as the JVM would throw it there) and runs the others' tests.
     */
    private RunResult runThrowing(Manifest m, String id, Error error) throws Exception {
        dev.redyellow.testing.TestRunner throwing = new dev.redyellow.testing.TestRunner() {
            @Override
            public dev.redyellow.testing.TestResult run(dev.redyellow.testing.TestRequest request) throws InterruptedException {
                if (request.featureId().equals(id)) {
                    throw error;
                }
                return runners.run(request);
            }
        };
        return new RunEngine(m, new RunOptions(1, tmp.resolve("run"), false, ManualDecisions.NOBODY, StepOutput.DISCARD,
                new dev.redyellow.cache.DisabledTestCache(""), Map.of(), null, null), throwing, RunListener.NONE,
                Clock.systemUTC()).run();
    }

    /**
     * The engine's JVM runs out of memory while conducting a feature (here its test runner throws the
     * error the JVM would): the feature ends FAILED saying so, not left PENDING for its dependents to read
     * as a verdict, and the run stops, with the reason, instead of going on with allocations that fail.
     */
    @Test
    void runningOutOfMemoryEndsTheFeatureWithTheErrorAndStopsTheRun() throws Exception {
        Manifest m = new PyManifest()
                .feature("add", List.of(), ADD_TEST, ADD_OK)
                .feature("twice", List.of("add"), TWICE_TEST, TWICE_OK)
                .feature("alone", List.of(), "from alone import v\nself.assertEqual(1, v)", "v = 1\n")
                .load(tmp);
        RunResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
                runThrowing(m, "add", new OutOfMemoryError("Java heap space")));
        Map<String, FeatureOutcome> o = byId(r);
        assertEquals(FeatureState.FAILED, o.get("add").state());
        assertTrue(o.get("add").reason().startsWith("error: RedYellow ran out of memory (Java heap space; its heap is at most "),
                o.get("add").reason());
        assertTrue(r.cancelled());
        assertTrue(r.stopReason().startsWith("RedYellow ran out of memory") && r.stopReason().endsWith("(on feature add)"),
                r.stopReason());
        assertFalse(o.get("twice").green());
        assertFalse(o.get("alone").green(), "the run stopped before it: " + o.get("alone").reason());
    }

    /** A stack overflow is one thread's: that feature ends with the error, and the run goes on. */
    @Test
    void aStackOverflowEndsOnlyItsFeature() throws Exception {
        Manifest m = new PyManifest()
                .feature("add", List.of(), ADD_TEST, ADD_OK)
                .feature("alone", List.of(), "from alone import v\nself.assertEqual(1, v)", "v = 1\n")
                .load(tmp);
        RunResult r = runThrowing(m, "add", new StackOverflowError());
        Map<String, FeatureOutcome> o = byId(r);
        assertEquals(FeatureState.FAILED, o.get("add").state());
        assertEquals("error: java.lang.StackOverflowError", o.get("add").reason());
        assertFalse(r.cancelled());
        assertEquals(FeatureState.GREEN, o.get("alone").state(), o.get("alone").reason());
    }

    @Test
    void aFeatureOverItsTimeEndsTimeoutAndTheWorkerGoesOnToTheNext() throws Exception {
        Manifest m = new PyManifest().timeoutSeconds(120)
                .feature("slow", List.of(), "import time\ntime.sleep(60)", "x = 1\n")
                .feature("after", List.of(), "from after import plus\nself.assertEqual(5, plus(2, 3))",
                        "def plus(a, b):\n    return a + b\n")
                .load(tmp);
        Map<String, FeatureOutcome> o = byId(runWith(m, 1, new dev.redyellow.cache.DisabledTestCache(""),
                Duration.ofSeconds(15), null));
        assertEquals(FeatureState.FAILED, o.get("slow").state());
        assertTrue(o.get("slow").reason().startsWith("timeout: the feature took longer than its limit of 15 s"),
                o.get("slow").reason());
        assertEquals(FeatureState.GREEN, o.get("after").state(), o.get("after").reason());
    }

    @Test
    void theRunTimeoutStopsEverything() throws Exception {
        Manifest m = new PyManifest().timeoutSeconds(120)
                .feature("slow", List.of(), "import time\ntime.sleep(60)", "x = 1\n")
                .feature("later", List.of("slow"), "self.assertTrue(True)", "x = 1\n")
                .load(tmp);
        RunResult r = runWith(m, 1, new dev.redyellow.cache.DisabledTestCache(""), null, Duration.ofSeconds(2));
        assertTrue(r.cancelled());
        assertEquals("the run timeout of 2 s elapsed", r.stopReason());
        assertEquals(List.of(FeatureState.CANCELLED, FeatureState.CANCELLED),
                r.outcomes().stream().map(FeatureOutcome::state).toList());
    }

    @Test
    void eachRunCountsItsOwnCacheFiguresWhenRunsShareOneOpenCache() throws Exception {
        // The window keeps one cache open for all its runs; a run's figures must still be its own.
        Manifest m = new PyManifest().feature("add", List.of(), ADD_TEST, ADD_WRONG, ADD_OK).load(tmp);
        try (OpenedCache cache = TestCaches.open(tmp.resolve("cache.db"), CacheSettings.defaults())) {
            RunResult cold = runWith(m, 1, cache.cache(), null, null);
            RunResult warm = runWith(m, 1, cache.cache(), null, null);

            assertEquals(0, cold.metrics().cache().hits());
            assertEquals(3, cold.metrics().cache().misses());
            assertEquals(3, warm.metrics().cache().requests(), "the second run's requests, not both runs'");
            assertEquals(3, warm.metrics().cache().hits());
            assertEquals(0, warm.metrics().cache().misses());
            assertEquals(1.0, warm.metrics().cache().hitRate());
            assertTrue(warm.metrics().cache().savedSeconds() > 0);
            assertEquals(3, cache.cache().sessionStats().requests() - warm.metrics().cache().requests(),
                    "the open cache itself still counts both runs");
        }
    }

    @Test
    void aSecondRunOnUnchangedContentIsServedFromTheCache() throws Exception {
        Manifest m = new PyManifest()
                .feature("add", List.of(), ADD_TEST, ADD_WRONG, ADD_OK)
                .feature("twice", List.of("add"), TWICE_TEST, TWICE_OK)
                .load(tmp);
        Path db = tmp.resolve("cache.db");
        RunResult cold;
        try (OpenedCache cache = TestCaches.open(db, CacheSettings.defaults())) {
            cold = runWith(m, 2, cache.cache(), null, null);
        }
        RunResult warm;
        try (OpenedCache cache = TestCaches.open(db, CacheSettings.defaults())) {
            warm = runWith(m, 2, cache.cache(), null, null);
        }
        assertTrue(cold.allGreen() && warm.allGreen());
        assertEquals(0, cold.metrics().cache().hits());
        assertEquals(5, cold.metrics().cache().misses());
        assertEquals(5, warm.metrics().cache().hits(), "RED proofs and attempts alike");
        assertEquals(0, warm.metrics().cache().misses());
        assertEquals(1.0, warm.metrics().cache().hitRate());
        assertTrue(warm.metrics().cache().savedSeconds() > 0);
        assertEquals(3, byId(warm).get("add").cacheHits());
        for (String id : List.of("add", "twice")) {
            assertEquals(path(byId(cold).get(id)), path(byId(warm).get(id)), "the same cycle from the cache");
        }
    }

    @Test
    void aRunAnsweredFromTheCacheMakesNoWorkspaceAtAll() throws Exception {
        // Replayed attempts and the automatic review read no workspace; a cached test run needs none.
        Manifest m = new PyManifest()
                .feature("add", List.of(), ADD_TEST, ADD_WRONG, ADD_OK)
                .feature("twice", List.of("add"), TWICE_TEST, TWICE_OK)
                .load(tmp);
        try (OpenedCache cache = TestCaches.open(tmp.resolve("cache.db"), CacheSettings.defaults())) {
            RunResult cold = keepingWorkspaces(m, cache.cache(), tmp.resolve("cold"));
            RunResult warm = keepingWorkspaces(m, cache.cache(), tmp.resolve("warm"));

            assertTrue(cold.allGreen() && warm.allGreen());
            assertEquals(5, folders(tmp.resolve("cold/workspaces")).size(), "one per real test run, none for "
                    + "the replayed implementer or the automatic review: " + folders(tmp.resolve("cold/workspaces")));
            assertEquals(5, warm.metrics().cache().hits());
            assertEquals(List.of(), folders(tmp.resolve("warm/workspaces")));
            for (String id : List.of("add", "twice")) {
                assertEquals(path(byId(cold).get(id)), path(byId(warm).get(id)), "the same cycle from the cache");
            }
        }
    }

    private RunResult keepingWorkspaces(Manifest manifest, TestCache cache, Path runDir) throws Exception {
        return new RunEngine(manifest, new RunOptions(1, runDir, true, ManualDecisions.NOBODY, StepOutput.DISCARD,
                cache, Map.of(), null, null), runners, RunListener.NONE, Clock.systemUTC()).run();
    }

    private static List<String> folders(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void cancellingEndsEveryFeatureCancelledAndLeavesNoProcess() throws Exception {
        Manifest m = new PyManifest().timeoutSeconds(120)
                .feature("slow", List.of(), "import time\ntime.sleep(60)", "x = 1\n")
                .feature("after", List.of("slow"), "self.assertTrue(True)", "x = 1\n")
                .load(tmp);
        List<Transition> seen = new CopyOnWriteArrayList<>();
        RunEngine engine = new RunEngine(m, new RunOptions(1, tmp.resolve("run"), false, ManualDecisions.NOBODY,
                StepOutput.DISCARD), runners, new RunListener() {
                    @Override
                    public void transition(Transition t) {
                        seen.add(t);
                    }
                }, Clock.systemUTC());
        Thread canceller = new Thread(() -> {
            try {
                // wait until python really runs the sleeping test
                while (ProcessHandle.current().descendants().noneMatch(p -> p.info().commandLine().orElse("").contains("unittest"))) {
                    Thread.sleep(20);
                }
                engine.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        RunResult r = engine.run();
        canceller.join();
        Map<String, FeatureOutcome> o = byId(r);
        assertTrue(r.cancelled());
        assertEquals(FeatureState.CANCELLED, o.get("slow").state());
        assertEquals(FeatureState.CANCELLED, o.get("after").state());
        assertFalse(r.allGreen());
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList());
    }

    @Test
    void everyAttemptsFilesGoThroughTheCodeStoreWithinItsBudgetAndComeBackFromDisk() throws Exception {
        // a budget of 0 bytes: every blob is spilled at once, so the dependent's workspace and the
        // accepted files can only be what was read back from the run folder
        Manifest m = new PyManifest()
                .feature("add", List.of(), ADD_TEST, ADD_WRONG, ADD_OK)
                .feature("twice", List.of("add"), TWICE_TEST, TWICE_OK)
                .load(tmp);
        RunEngine engine = new RunEngine(m, new RunOptions(1, tmp.resolve("run"), false, ManualDecisions.NOBODY,
                StepOutput.DISCARD).withStoreBudget(0), runners, RunListener.NONE, Clock.systemUTC());
        RunResult r = engine.run();
        assertTrue(r.allGreen(), r.outcomes().toString());
        FeatureOutcome add = byId(r).get("add");
        assertEquals(ADD_OK, add.acceptedFiles().restore().text("add.py"));
        assertEquals(ADD_WRONG, add.history().get(0).files().restore().text("add.py"));
        dev.redyellow.store.BlobMetrics store = r.codeStore();
        assertEquals(3, store.blobs(), "three distinct files: two of add, one of twice");
        assertEquals(0, store.bytesInMemory());
        assertTrue(store.bytesOnDisk() > 0 && store.spills() >= 3, store.toString());
        assertTrue(store.diskReads() > 0, "read back from disk: " + store);
        com.fasterxml.jackson.databind.JsonNode json = RunReport.toJson(r).get("metrics").get("codeStore");
        assertEquals(store.storedBytes(), json.get("storedBytes").asLong());
        assertEquals(store.spills(), json.get("spills").asLong());
        assertTrue(json.has("dedupRatio") && json.has("logicalBytes") && json.has("bytesInMemory")
                && json.has("bytesOnDisk"), json.toString());
    }

    @Test
    void attemptsThatShareFilesAreStoredOnce() throws Exception {
        Manifest m = new PyManifest().maxAttempts(4).stagnationLimit(4)
                .feature("add", List.of(), ADD_TEST, ADD_WRONG, ADD_WRONG, ADD_WRONG, ADD_OK).load(tmp);
        RunResult r = run(m, 1, RunListener.NONE);
        assertTrue(r.allGreen(), r.outcomes().toString());
        dev.redyellow.store.BlobMetrics store = r.codeStore();
        assertEquals(2, store.blobs());
        assertEquals(3L * ADD_WRONG.length() + ADD_OK.length(), store.logicalBytes());
        assertTrue(store.dedupRatio() > 1.9, store.toString());
    }
}
