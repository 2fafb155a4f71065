package dev.redyellow.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.TestCaches;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.StepOutput;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.testing.MutationResult;
import dev.redyellow.testing.TestRunners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 end to end: manifests on disk, loaded for real, run by the engine with real test JVMs and
 * real PIT's mutants on warm workers, as the launcher runs them (or a real python3 mutation command),
 * the verdicts and the report read back.
 */
class MutationRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGE = """
            package calc;

            public final class Age {
                public static boolean adult(int years) {
                    return years >= 18;
                }
            }
            """;
    private static final String WEAK_TEST = test("@Test void answers() { Age.adult(30); assertTrue(Age.adult(40)); }");
    private static final String STRONG_TEST = test("""
            @Test void eighteenIsAdult() { assertTrue(Age.adult(18)); }
            @Test void seventeenIsNot() { assertFalse(Age.adult(17)); }
            """);

    private final TestRunners runners = TestRunners.standard();

    @TempDir
    Path tmp;

    @AfterEach
    void closeRunners() {
        runners.close();
    }

    @Test
    void weakTestsUnderTheMinimumEndFailedNamingTheSurvivors() throws Exception {
        FeatureOutcome age = runJava(WEAK_TEST, "{\"minScore\": 0.7}", false, null);

        assertEquals(FeatureState.FAILED, age.state());
        assertEquals(List.of("PENDING->RED", "RED->YELLOW", "YELLOW->FAILED"), path(age));
        assertTrue(age.reason().startsWith("weak-tests: "), age.reason());
        assertTrue(age.reason().matches("weak-tests: \\d of \\d mutants killed \\(\\d+%\\), at most 100 mutants per class sampled, "
                + "under the minimum of 70%.*"),
                age.reason());
        assertTrue(age.reason().contains("Age.java:5: changed conditional boundary"), age.reason());
        assertEquals(1, age.attempts(), "weak tests end the feature: no further attempt");
        MutationResult m = age.mutation().orElseThrow();
        assertTrue(m.score() < 0.7, m.toString());
        assertFalse(m.survivors().isEmpty());
    }

    @Test
    void strongTestsGoGreenWithAHighScore() throws Exception {
        FeatureOutcome age = runJava(STRONG_TEST, "{\"minScore\": 0.7}", false, null);

        assertEquals(FeatureState.GREEN, age.state(), age.reason());
        assertEquals(List.of("PENDING->RED", "RED->YELLOW", "YELLOW->GREEN"), path(age));
        MutationResult m = age.mutation().orElseThrow();
        assertEquals(1.0, m.score(), m.toString());
        assertTrue(m.generated() >= 3, m.toString());
    }

    @Test
    void measuringWithoutAMinimumReportsTheScoreAndDoesNotGate() throws Exception {
        Path report = tmp.resolve("report.json");
        FeatureOutcome age = runJava(WEAK_TEST, "{}", false, report);

        assertEquals(FeatureState.GREEN, age.state(), age.reason());
        MutationResult m = age.mutation().orElseThrow();
        assertTrue(m.measured() && m.score() < 1.0, m.toString());
        JsonNode mutation = JSON.readTree(report.toFile()).get("features").get(0).get("mutation");
        assertEquals(m.generated(), mutation.get("generated").asInt());
        assertEquals(m.killed(), mutation.get("killed").asInt());
        assertEquals(m.survived(), mutation.get("survived").asInt());
        assertEquals(m.score(), mutation.get("score").asDouble(), 1e-9);
        assertEquals("Age.java", mutation.get("survivors").get(0).get("file").asText());
        assertEquals(5, mutation.get("survivors").get(0).get("line").asInt());
        assertEquals(100, mutation.get("maxMutantsPerClass").asInt(), "the default cap is reported: " + mutation);
    }

    @Test
    void aCappedMeasurementSaysSoInTheReportAndAnUncappedOneDoesNot() throws Exception {
        Path everyReport = tmp.resolve("every.json");
        Path cappedReport = tmp.resolve("capped.json");
        MutationResult every = runJava(WEAK_TEST, "{\"maxMutantsPerClass\": 0}", false, everyReport)
                .mutation().orElseThrow();
        MutationResult capped = runJava(WEAK_TEST, "{\"maxMutantsPerClass\": 2}", false, cappedReport)
                .mutation().orElseThrow();

        assertTrue(every.generated() > 2, every.toString());
        assertEquals(0, every.perClassCap());
        assertFalse(JSON.readTree(everyReport.toFile()).get("features").get(0).get("mutation").has("maxMutantsPerClass"));
        assertTrue(capped.measured() && capped.generated() <= 2, capped.toString());
        assertEquals(2, capped.perClassCap());
        assertTrue(capped.summary().endsWith(", at most 2 mutants per class sampled"), capped.summary());
        JsonNode mutation = JSON.readTree(cappedReport.toFile()).get("features").get(0).get("mutation");
        assertEquals(2, mutation.get("maxMutantsPerClass").asInt(), mutation.toString());
        assertEquals(capped.generated(), mutation.get("generated").asInt(), mutation.toString());
    }

    @Test
    void theMutationFlagMeasuresAManifestThatDoesNotAsk() throws Exception {
        FeatureOutcome without = runJava(WEAK_TEST, null, false, null);
        assertTrue(without.mutation().isEmpty());

        FeatureOutcome with = runJava(WEAK_TEST, null, true, null);
        assertEquals(FeatureState.GREEN, with.state(), with.reason());
        assertTrue(with.mutation().orElseThrow().measured(), with.mutation().toString());
    }

    @Test
    void aSecondRunOnTheSameContentIsServedFromTheCache() throws Exception {
        Path manifest = javaManifest(WEAK_TEST, "{}");
        try (OpenedCache cache = TestCaches.open(tmp.resolve("cache.db"), CacheSettings.defaults())) {
            FeatureOutcome first = run(ManifestLoader.load(manifest), options("run1", cache), null);
            FeatureOutcome second = run(ManifestLoader.load(manifest), options("run2", cache), null);

            MutationResult measured = first.mutation().orElseThrow();
            MutationResult served = second.mutation().orElseThrow();
            assertFalse(measured.cached());
            assertTrue(served.cached(), served.toString());
            assertEquals(measured.generated(), served.generated());
            assertEquals(measured.killed(), served.killed());
            assertEquals(measured.survivors(), served.survivors());
        }
    }

    @Test
    void theCommandKindReadsTheCountsOfItsMutationCommand() throws Exception {
        Files.writeString(tmp.resolve("mutate.py"), """
                print("mutating add.py")
                print("killed: 1")
                print("survived: 3")
                print("survivor: add.py:2: replaced + with -")
                """);
        FeatureOutcome add = runPython("{\"minScore\": 0.5}", List.of("python3", tmp.resolve("mutate.py").toString()));

        assertEquals(FeatureState.FAILED, add.state());
        assertEquals("weak-tests: 1 of 4 mutants killed (25%), under the minimum of 50%; surviving: add.py:2: "
                + "replaced + with -", add.reason());
    }

    @Test
    void theCommandKindWithoutAMutationCommandIsNotMeasured() throws Exception {
        FeatureOutcome add = runPython("{\"minScore\": 0.5}", List.of());

        assertEquals(FeatureState.GREEN, add.state(), add.reason());
        MutationResult m = add.mutation().orElseThrow();
        assertEquals(MutationResult.Status.NOT_MEASURED, m.status());
        assertTrue(m.summary().startsWith("not measured: "), m.summary());
    }

    private FeatureOutcome runJava(String test, String mutation, boolean flag, Path report) throws Exception {
        Manifest manifest = ManifestLoader.load(javaManifest(test, mutation));
        return run(manifest, options("run", null).withMutation(flag), report);
    }

    private FeatureOutcome runPython(String mutation, List<String> mutationCommand) throws Exception {
        ObjectNode root = manifest(mutation);
        ObjectNode test = root.putObject("test").put("kind", "command").put("timeoutSeconds", 60);
        test.putArray("command").add("python3").add("-m").add("unittest").add("test_add");
        if (!mutationCommand.isEmpty()) {
            mutationCommand.forEach(test.putArray("mutationCommand")::add);
        }
        ObjectNode f = ((ArrayNode) root.get("features")).addObject().put("id", "add");
        f.putObject("tests").put("test_add.py", "import unittest\nfrom add import add\n\n"
                + "class T(unittest.TestCase):\n    def test_it(self):\n        self.assertEqual(5, add(2, 3))\n");
        f.putArray("attempts").addObject().putObject("files").put("add.py", "def add(a, b):\n    return a + b\n");
        Path file = tmp.resolve("py.json");
        JSON.writeValue(file.toFile(), root);
        return run(ManifestLoader.load(file), options("run", null), null);
    }

    private Path javaManifest(String test, String mutation) throws Exception {
        ObjectNode root = manifest(mutation);
        root.putObject("test").put("kind", "junit").put("timeoutSeconds", 120);
        ObjectNode f = ((ArrayNode) root.get("features")).addObject().put("id", "age");
        f.putObject("tests").put("src/test/java/calc/AgeTest.java", test);
        f.putArray("attempts").addObject().putObject("files").put("src/main/java/calc/Age.java", AGE);
        Path file = tmp.resolve("java.json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    private static ObjectNode manifest(String mutation) throws Exception {
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "mutation").put("maxAttempts", 3);
        if (mutation != null) {
            root.set("mutation", JSON.readTree(mutation));
        }
        root.putArray("features");
        return root;
    }

    /** Options whose mutation testers are the launcher's: warm junit features' mutants run on warm workers. */
    private RunOptions options(String name, OpenedCache cache) {
        RunOptions plain = new RunOptions(1, tmp.resolve(name), false, ManualDecisions.NOBODY, StepOutput.DISCARD);
        return (cache == null ? plain : new RunOptions(1, tmp.resolve(name), false, ManualDecisions.NOBODY,
                StepOutput.DISCARD, cache.cache(), Map.of(), null, null)).withMutationTesters(runners::mutationTesters);
    }

    private FeatureOutcome run(Manifest manifest, RunOptions options, Path report) throws Exception {
        RunResult result = new RunEngine(manifest, options, runners, RunListener.NONE, Clock.systemUTC()).run();
        if (report != null) {
            RunReport.write(result, report);
        }
        return result.outcomes().get(0);
    }

    private static List<String> path(FeatureOutcome o) {
        return o.transitions().stream().map(t -> t.from() + "->" + t.to()).toList();
    }

    private static String test(String body) {
        return "package calc;\nimport org.junit.jupiter.api.Test;\nimport static org.junit.jupiter.api.Assertions.*;\n"
                + "class AgeTest {\n" + body + "\n}\n";
    }
}
