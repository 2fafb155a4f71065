package dev.redyellow.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.DisabledTestCache;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.TestCache;
import dev.redyellow.cache.TestCaches;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.StepOutput;
import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.graph.EdgeKind;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.store.Database;
import dev.redyellow.store.DiscoveryStore;
import dev.redyellow.testing.TestRunners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dependencies that only a run reveals (SPEC section 2, "discovered" edges): real manifests loaded
 * from disk, real python3 and javac/JUnit runs, no edge declared and inference off unless said.
 */
class RunDiscoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestRunners runners = TestRunners.standard();

    @TempDir
    Path tmp;

    @AfterEach
    void closeRunners() {
        runners.close();
    }

    // --- manifests -------------------------------------------------------------------------

    /** A manifest of Python modules tested by unittest, each test importing only its own module. */
    private static ObjectNode pyManifest(int maxAttempts) {
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "py-discovery")
                .put("maxAttempts", maxAttempts).put("workers", 2).put("inferDependencies", false);
        ObjectNode test = root.putObject("test").put("kind", "command").put("timeoutSeconds", 60);
        test.putArray("command").add("python3").add("-m").add("unittest").add("-v");
        test.putObject("env").put("PYTHONDONTWRITEBYTECODE", "1");
        root.putArray("features");
        return root;
    }

    private static ObjectNode pyFeature(ObjectNode root, String id, String importLine, String assertion,
                                        String... attempts) {
        ObjectNode f = ((ArrayNode) root.get("features")).addObject().put("id", id).put("title", id);
        f.putObject("tests").put("test_" + id + ".py", "import unittest\n" + importLine + "\n\nclass Test_" + id
                + "(unittest.TestCase):\n    def test_it(self):\n        " + assertion + "\n");
        ArrayNode a = f.putArray("attempts");
        for (String source : attempts) {
            a.addObject().putObject("files").put(id + ".py", source);
        }
        return f;
    }

    private static final String ADD = "def add(a, b):\n    return a + b\n";
    private static final String TWICE = "from add import add\n\ndef twice(x):\n    return add(x, x)\n";

    private static ObjectNode addAndTwice(int maxAttempts, String addAttempt) {
        ObjectNode root = pyManifest(maxAttempts);
        pyFeature(root, "twice", "from twice import twice", "self.assertEqual(8, twice(4))", TWICE);
        pyFeature(root, "add", "from add import add", "self.assertEqual(5, add(2, 3))", addAttempt);
        return root;
    }

    private Manifest load(ObjectNode root, String folder) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(folder));
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return ManifestLoader.load(file);
    }

    // --- running ---------------------------------------------------------------------------

    private record Ran(RunResult result, Map<String, FeatureOutcome> byId, List<DependencyEdge> announced,
                       List<String> progress, List<String> notes) {
        FeatureOutcome get(String id) {
            return byId.get(id);
        }

        List<String> path(String id) {
            return byId.get(id).transitions().stream().map(t -> t.from() + "->" + t.to()).toList();
        }
    }

    private Ran run(Manifest manifest, int workers, DiscoveryMemory memory, String runName) throws Exception {
        return run(manifest, workers, memory, runName, new DisabledTestCache(""));
    }

    private Ran run(Manifest manifest, int workers, DiscoveryMemory memory, String runName, TestCache cache)
            throws Exception {
        List<DependencyEdge> announced = new CopyOnWriteArrayList<>();
        ProgressRecorder output = new ProgressRecorder();
        List<String> progress = output.messages();
        RunListener listener = new RunListener() {
            @Override
            public void edgeDiscovered(DependencyEdge edge) {
                announced.add(edge);
            }
        };
        RunOptions options = new RunOptions(workers, tmp.resolve(runName), false, ManualDecisions.NOBODY, output,
                cache, Map.of(), null, null).withMemory(memory);
        RunResult result = new RunEngine(manifest, options, runners, listener, Clock.systemUTC()).run();
        Map<String, FeatureOutcome> byId = result.outcomes().stream()
                .collect(Collectors.toMap(FeatureOutcome::id, o -> o));
        return new Ran(result, byId, announced, progress, output.notes());
    }

    private static Optional<DependencyEdge> edge(RunResult result, String from, String to) {
        return result.edges().stream().filter(e -> e.dependency().equals(from) && e.dependent().equals(to)).findFirst();
    }

    // --- tests -----------------------------------------------------------------------------

    @Test
    void aReplayedPythonAttemptImportingAnotherFeaturesModuleWaitsForItWithoutLosingTheAttempt() throws Exception {
        // twice comes first in the manifest and nothing says it needs add: only its attempt's import does
        Ran ran = run(load(addAndTwice(1, ADD), "py"), 2, DiscoveryMemory.NONE, "run");
        assertTrue(ran.result().allGreen(), ran.result().outcomes().toString());
        FeatureOutcome twice = ran.get("twice");
        assertEquals(1, twice.attempts(), "the run that only waited is not an attempt");
        assertEquals(List.of("PENDING->RED", "RED->YELLOW", "YELLOW->GREEN"), ran.path("twice"));
        DependencyEdge found = edge(ran.result(), "add", "twice").orElseThrow();
        assertEquals(EdgeKind.DISCOVERED, found.kind());
        assertTrue(found.reason().contains("twice needs add"), found.reason());
        assertEquals(List.of(found), ran.announced());
        assertTrue(ran.progress().stream().anyMatch(p -> p.startsWith("twice: waiting for add: needs add")),
                ran.progress().toString());
    }

    @Test
    void aDependencyThatFailsBlocksTheFeatureThatWaitedForIt() throws Exception {
        Ran ran = run(load(addAndTwice(1, "def add(a, b):\n    return a - b\n"), "py"), 2, DiscoveryMemory.NONE, "run");
        assertEquals(FeatureState.FAILED, ran.get("add").state());
        assertEquals(FeatureState.BLOCKED, ran.get("twice").state());
        assertEquals(List.of("PENDING->RED", "RED->BLOCKED"), ran.path("twice"));
        assertEquals("dependency-failed: add ended FAILED", ran.get("twice").reason());
        assertEquals(0, ran.get("twice").attempts());
        assertTrue(edge(ran.result(), "add", "twice").isPresent());
    }

    @Test
    void testsThatFailOnlyForAnotherFeaturesCodeDoNotProveRed() throws Exception {
        ObjectNode root = pyManifest(2);
        // the test itself imports add, which only the other feature writes
        pyFeature(root, "twice", "from add import add\nfrom twice import twice", "self.assertEqual(add(4, 4), twice(4))",
                TWICE);
        pyFeature(root, "add", "from add import add", "self.assertEqual(5, add(2, 3))", ADD);
        Ran ran = run(load(root, "py"), 2, DiscoveryMemory.NONE, "run");
        assertTrue(ran.result().allGreen(), ran.result().outcomes().toString());
        String red = ran.get("twice").transitions().get(0).reason();
        assertTrue(red.startsWith("red proved") && red.contains("twice"), "RED is proved on twice's own name: " + red);
        assertTrue(edge(ran.result(), "add", "twice").isPresent());
    }

    @Test
    void aNeedFoundOnlyWhileRunningThatClosesACycleEndsTheFeatureNamingTheCycle() throws Exception {
        ObjectNode root = pyManifest(2);
        pyFeature(root, "twice", "from twice import twice", "self.assertEqual(8, twice(4))", TWICE);
        ObjectNode add = pyFeature(root, "add", "from add import add", "self.assertEqual(5, add(2, 3))",
                "from twice import twice\n\ndef add(a, b):\n    return a + b\n");
        add.putArray("dependsOn").add("twice"); // add needs twice, and twice's code needs add
        Ran ran = run(load(root, "py"), 2, DiscoveryMemory.NONE, "run");
        FeatureOutcome twice = ran.get("twice");
        assertEquals(FeatureState.FAILED, twice.state());
        assertTrue(twice.reason().startsWith("dependency-cycle: twice needs add"), twice.reason());
        assertTrue(twice.reason().contains("twice -> add -> twice"), twice.reason());
        assertEquals(FeatureState.BLOCKED, ran.get("add").state());
    }

    @Test
    void discoveredEdgesAreRememberedAndTheNextRunKnowsThemUpFront() throws Exception {
        Manifest manifest = load(addAndTwice(1, ADD), "py");
        try (Database db = Database.open(tmp.resolve("redyellow.db"))) {
            DiscoveryMemory memory = DiscoveryMemory.stored(new DiscoveryStore(db), manifest.name(), Clock.systemUTC());
            Ran first = run(manifest, 2, memory, "run1");
            assertTrue(first.result().allGreen());
            assertEquals(4, first.get("twice").testRuns(),
                    "RED, the run that waited, RED again with add's code, the same attempt again");

            RunEngine next = new RunEngine(manifest, new RunOptions(2, tmp.resolve("run2"), false,
                    ManualDecisions.NOBODY, StepOutput.DISCARD).withMemory(memory), runners, RunListener.NONE,
                    Clock.systemUTC());
            assertEquals(EdgeKind.DISCOVERED, next.graph().edge("add", "twice").orElseThrow().kind(),
                    "known before the second run starts");
            Ran second = run(manifest, 2, memory, "run3");
            assertTrue(second.result().allGreen());
            assertEquals(2, second.get("twice").testRuns(), "no waiting the second time");
            assertTrue(second.announced().isEmpty(), "nothing new to discover");
            assertTrue(new DiscoveryStore(db).acceptedPaths(manifest.name()).get("add").contains("add.py"));
        }
    }

    @Test
    void aRedProofMadeBeforeAnEdgeWasFoundIsMadeAgainSoTheNextRunFindsEveryResultInTheCache() throws Exception {
        // twice's RED proof runs without add's code; its attempt then shows it needs add. The next run
        // knows that edge up front and proves RED with add's code: the first run must have made that
        // proof too, or the "unchanged" re-run runs it again (a cache miss, seen in bench realcode).
        Manifest manifest = load(addAndTwice(1, ADD), "py");
        try (Database db = Database.open(tmp.resolve("redyellow.db"));
             OpenedCache cache = TestCaches.open(tmp.resolve("cache.db"), CacheSettings.defaults())) {
            DiscoveryMemory memory = DiscoveryMemory.stored(new DiscoveryStore(db), manifest.name(), Clock.systemUTC());
            Ran first = run(manifest, 2, memory, "run1", cache.cache());
            assertTrue(first.result().allGreen(), first.result().outcomes().toString());
            FeatureOutcome twice = first.get("twice");
            assertEquals(List.of("PENDING->RED", "RED->YELLOW", "YELLOW->GREEN"), first.path("twice"),
                    "the proof made again is no transition");
            assertTrue(twice.transitions().get(0).reason().startsWith("red proved"), twice.transitions().toString());
            assertEquals(4, twice.testRuns());
            assertEquals(0, twice.cacheHits(), "the attempt's run beside the proof counted, not a second run of it");
            assertTrue(first.notes().contains("twice test1: [redyellow] attempt 1 waited for a dependency found while"
                    + " running: tested again beside the RED proof made again with that code, its result counts only"
                    + " once RED is proved"), "a free slot tests the attempt beside the proof: " + first.notes());

            Ran second = run(manifest, 2, memory, "run2", cache.cache());
            assertTrue(second.result().allGreen(), second.result().outcomes().toString());
            assertEquals(0, second.result().metrics().cache().misses(), "every test run of the unchanged re-run");
            assertEquals(second.result().metrics().cache().requests(), second.result().metrics().cache().hits());
            String again = "twice: " + second.get("twice").transitions().get(0).reason()
                    + ", again with the code of the dependencies found while running";
            assertTrue(first.progress().contains(again), "the same proof, the same verdict: " + first.progress());
        }
    }

    @Test
    void aDependencyFoundAtAnAttemptWhoseCodeMakesTheTestsPassEndsTheFeatureRedViolation() throws Exception {
        // twice's test fails without twice.py (its own import error is caught: no name missing) and its
        // attempt needs add; add's accepted code happens to hold a twice.py that passes the test. The
        // RED proof made again with add's code passes: no RED, as the next run, knowing the edge, says.
        ObjectNode root = pyManifest(1);
        pyFeature(root, "twice", "try:\n    from twice import twice\nexcept ModuleNotFoundError as e:\n"
                        + "    if e.name != 'twice':\n        raise\n    twice = None",
                "self.assertEqual(8, twice(4))", TWICE);
        ObjectNode add = pyFeature(root, "add", "from add import add", "self.assertEqual(5, add(2, 3))", ADD);
        ((ObjectNode) add.get("attempts").get(0).get("files")).put("twice.py", "def twice(x):\n    return 8\n");
        Ran ran = run(load(root, "py"), 2, DiscoveryMemory.NONE, "run");
        FeatureOutcome twice = ran.get("twice");
        assertEquals(FeatureState.GREEN, ran.get("add").state());
        assertTrue(edge(ran.result(), "add", "twice").isPresent(), ran.result().edges().toString());
        assertEquals(List.of("PENDING->RED", "RED->FAILED"), ran.path("twice"), twice.transitions().toString());
        assertTrue(twice.reason().startsWith("red-violation: 1 tests passed without the implementation"),
                twice.reason());
        assertEquals(0, twice.attempts(), "the attempt that waited never counted");
    }

    @Test
    void anAttemptKeptOverAWaitThatRewritesTheTestsOfTheDependencyFoundIsTampering() throws Exception {
        // twice's attempt also writes test_add.py, which is nobody's business of twice's until its
        // import shows it needs add: from then on add's tests are read-only for it, and the attempt
        // kept over the wait may not replace them with a test that always passes.
        // A manifest's replayed attempts may not write another feature's tests at all, so twice's is a script.
        Path script = Files.writeString(tmp.resolve("impl.py"), """
                import os, sys
                ws = sys.argv[1]
                open(os.path.join(ws, 'twice.py'), 'w').write(
                    'from add import add\\n\\ndef twice(x):\\n    return add(x, x)\\n')
                open(os.path.join(ws, 'test_add.py'), 'w').write(
                    'import unittest\\n\\nclass Test_add(unittest.TestCase):\\n    def test_it(self):\\n        pass\\n')
                """);
        ObjectNode root = pyManifest(1);
        ObjectNode twiceFeature = pyFeature(root, "twice", "from twice import twice", "self.assertEqual(8, twice(4))");
        twiceFeature.putObject("implementer").put("kind", "command").put("timeoutSeconds", 60).putArray("command")
                .add("python3").add(script.toString()).add("{workspace}");
        pyFeature(root, "add", "from add import add", "self.assertEqual(5, add(2, 3))", ADD);
        Ran ran = run(load(root, "py"), 2, DiscoveryMemory.NONE, "run");
        FeatureOutcome twice = ran.get("twice");
        assertEquals(FeatureState.GREEN, ran.get("add").state());
        assertTrue(edge(ran.result(), "add", "twice").isPresent(), ran.result().edges().toString());
        assertEquals(FeatureState.FAILED, twice.state(), twice.toString());
        assertTrue(twice.transitions().stream().anyMatch(t -> t.reason().equals(
                "attempt 1 tampering: changed test files, which are read-only for the implementer: test_add.py")),
                twice.transitions().toString());
        assertEquals(1, twice.attempts());
    }

    @Test
    void aCommandImplementerWritingPythonThatImportsAModuleNobodyHasWrittenYetWaitsForItsWriter() throws Exception {
        // Both features are written by a script, so no file is known before the run: twice's code
        // needs a module no finished feature has written, and waits until add has been accepted.
        Path script = Files.writeString(tmp.resolve("impl.py"), """
                import os, sys, time
                feature, ws = sys.argv[1], sys.argv[2]
                if feature == 'add':
                    time.sleep(1.5)
                    open(os.path.join(ws, 'add.py'), 'w').write('def add(a, b):\\n    return a + b\\n')
                else:
                    open(os.path.join(ws, 'twice.py'), 'w').write(
                        'from add import add\\n\\ndef twice(x):\\n    return add(x, x)\\n')
                """);
        ObjectNode root = pyManifest(2);
        root.putObject("implementer").put("kind", "command").put("timeoutSeconds", 60).putArray("command")
                .add("python3").add(script.toString()).add("{feature}").add("{workspace}");
        pyFeature(root, "twice", "from twice import twice", "self.assertEqual(8, twice(4))");
        pyFeature(root, "add", "from add import add", "self.assertEqual(5, add(2, 3))");
        Ran ran = run(load(root, "py"), 2, DiscoveryMemory.NONE, "run");
        assertTrue(ran.result().allGreen(), ran.result().outcomes().toString());
        assertEquals(1, ran.get("twice").attempts());
        assertTrue(edge(ran.result(), "add", "twice").map(e -> e.kind() == EdgeKind.DISCOVERED).orElse(false),
                ran.result().edges().toString());
        assertTrue(ran.progress().stream().anyMatch(p -> p.startsWith("twice: waiting for a feature to write add")),
                ran.progress().toString());
    }

    @Test
    void aNameNobodyWritesIsAnOrdinaryFailureOnceNothingElseIsUnfinished() throws Exception {
        ObjectNode root = pyManifest(1);
        pyFeature(root, "twice", "from twice import twice", "self.assertEqual(8, twice(4))",
                "from nowhere import add\n\ndef twice(x):\n    return add(x, x)\n");
        Ran ran = run(load(root, "py"), 1, DiscoveryMemory.NONE, "run");
        FeatureOutcome twice = ran.get("twice");
        assertEquals(FeatureState.FAILED, twice.state());
        assertTrue(twice.reason().startsWith("attempts-exhausted"), twice.reason());
        assertEquals(1, twice.attempts());
        assertTrue(ran.result().edges().isEmpty());
    }

    // --- Java --------------------------------------------------------------------------------

    private static ObjectNode javaManifest(boolean infer) {
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "java-discovery")
                .put("maxAttempts", 2).put("workers", 2).put("inferDependencies", infer);
        root.putObject("test").put("kind", "junit").put("timeoutSeconds", 120);
        root.putArray("features");
        return root;
    }

    private static ObjectNode javaFeature(ObjectNode root, String id, String type, String test, String... attempts) {
        ObjectNode f = ((ArrayNode) root.get("features")).addObject().put("id", id).put("title", id);
        f.putObject("tests").put("src/test/java/shop/" + type + "Test.java", test);
        ArrayNode a = f.putArray("attempts");
        for (String source : attempts) {
            a.addObject().putObject("files").put("src/main/java/shop/" + type + ".java", source);
        }
        return f;
    }

    private static final String RATES = "package shop;\npublic final class Rates {\n"
            + "    public static int percent() { return 20; }\n}\n";
    private static final String RATES_TEST = "package shop;\nimport org.junit.jupiter.api.Test;\n"
            + "import static org.junit.jupiter.api.Assertions.assertEquals;\nclass RatesTest {\n"
            + "    @Test void twenty() { assertEquals(20, Rates.percent()); }\n}\n";
    private static final String INVOICE = "package shop;\npublic final class Invoice {\n"
            + "    public static int total(int net) { return net + net * Rates.percent() / 100; }\n}\n";
    private static final String INVOICE_TEST = "package shop;\nimport org.junit.jupiter.api.Test;\n"
            + "import static org.junit.jupiter.api.Assertions.assertEquals;\nclass InvoiceTest {\n"
            + "    @Test void addsTheRate() { assertEquals(120, Invoice.total(100)); }\n}\n";

    @Test
    void inferredEdgesAreKeptByWhatTheyWereInferredFromAndTheNextRunReadsThemInstead() throws Exception {
        ObjectNode root = javaManifest(true);
        javaFeature(root, "invoice", "Invoice", INVOICE_TEST, INVOICE);
        javaFeature(root, "rates", "Rates", RATES_TEST, RATES);
        Manifest manifest = load(root, "java");
        String key = dev.redyellow.graph.InferenceKey.of(manifest);
        try (Database db = Database.open(tmp.resolve("redyellow.db"))) {
            DiscoveryStore store = new DiscoveryStore(db);
            DiscoveryMemory memory = DiscoveryMemory.stored(store, manifest.name(), Clock.systemUTC());
            Ran first = run(manifest, 2, memory, "first");
            assertEquals(EdgeKind.INFERRED, edge(first.result(), "rates", "invoice").orElseThrow().kind());
            List<DiscoveryStore.StoredEdge> kept = store.inferred(key, java.time.Instant.now()).orElseThrow();
            assertEquals(List.of("rates->invoice"), kept.stream().map(e -> e.dependency() + "->" + e.dependent()).toList());

            // what the file keeps is what the next run uses: a kept edge nobody inferred shows up in its graph
            store.rememberInferred(key, List.of(new DiscoveryStore.StoredEdge("invoice", "rates", "kept: planted")),
                    java.time.Instant.now());
            Ran second = run(manifest, 2, memory, "second");
            assertEquals("kept: planted", edge(second.result(), "invoice", "rates").orElseThrow().reason());
            assertTrue(edge(second.result(), "rates", "invoice").isEmpty());

            // another test file is another key: inferred again
            ObjectNode changed = javaManifest(true);
            javaFeature(changed, "invoice", "Invoice", INVOICE_TEST.replace("120", "120 "), INVOICE);
            javaFeature(changed, "rates", "Rates", RATES_TEST, RATES);
            Manifest other = load(changed, "java");
            assertTrue(!key.equals(dev.redyellow.graph.InferenceKey.of(other)));
            assertEquals(EdgeKind.INFERRED, edge(run(other, 2, memory, "third").result(), "rates", "invoice")
                    .orElseThrow().kind());

            // a row that does not read as edges is inferred again and replaced
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("redyellow.db"));
                 var update = c.prepareStatement("UPDATE inferred_edges SET edges = ? WHERE key = ?")) {
                update.setString(1, "[{\"dependency\": \"invoice\"}]");
                update.setString(2, key);
                assertEquals(1, update.executeUpdate());
            }
            assertTrue(store.inferred(key, java.time.Instant.now()).isEmpty());
            Ran fourth = run(manifest, 2, memory, "fourth");
            assertEquals(EdgeKind.INFERRED, edge(fourth.result(), "rates", "invoice").orElseThrow().kind());
            assertEquals(1, store.inferred(key, java.time.Instant.now()).orElseThrow().size());
        }
    }

    @Test
    void aReplayedJavaAttemptNamingAnotherFeaturesTypeIsInferredBeforeTheRun() throws Exception {
        ObjectNode root = javaManifest(true);
        javaFeature(root, "invoice", "Invoice", INVOICE_TEST, INVOICE);
        javaFeature(root, "rates", "Rates", RATES_TEST, RATES);
        Manifest manifest = load(root, "java");
        DependencyEdge inferred = dev.redyellow.graph.FeatureGraph.of(manifest).edge("rates", "invoice").orElseThrow();
        assertEquals(EdgeKind.INFERRED, inferred.kind());
        assertTrue(inferred.reason().startsWith("attempt 1's src/main/java/shop/Invoice.java uses shop.Rates"),
                inferred.reason());
    }

    @Test
    void aJavaCommandImplementerUsingAnotherFeaturesClassWaitsForItAndCompilesOnceItIsGreen() throws Exception {
        // The code is written by a script, so nothing is known up front; rates is replayed.
        Path script = Files.writeString(tmp.resolve("impl.sh"), "#!/bin/sh\nmkdir -p \"$2/src/main/java/shop\"\n"
                + "cat > \"$2/src/main/java/shop/Invoice.java\" <<'EOF'\n" + INVOICE + "EOF\n");
        ObjectNode root = javaManifest(false);
        ObjectNode invoice = javaFeature(root, "invoice", "Invoice", INVOICE_TEST);
        invoice.putObject("implementer").put("kind", "command").put("timeoutSeconds", 60).putArray("command")
                .add("sh").add(script.toString()).add("{feature}").add("{workspace}");
        javaFeature(root, "rates", "Rates", RATES_TEST, RATES);
        Ran ran = run(load(root, "java"), 2, DiscoveryMemory.NONE, "run");
        assertTrue(ran.result().allGreen(), ran.result().outcomes().toString());
        FeatureOutcome o = ran.get("invoice");
        assertEquals(1, o.attempts());
        assertEquals(List.of("PENDING->RED", "RED->YELLOW", "YELLOW->GREEN"), ran.path("invoice"));
        assertTrue(o.transitions().get(0).reason().contains("missing: Invoice"), o.transitions().get(0).reason());
        DependencyEdge found = edge(ran.result(), "rates", "invoice").orElseThrow();
        assertEquals(EdgeKind.DISCOVERED, found.kind());
        assertTrue(found.reason().contains("invoice needs Rates"), found.reason());
        assertFalse(ran.progress().isEmpty());
    }
}
