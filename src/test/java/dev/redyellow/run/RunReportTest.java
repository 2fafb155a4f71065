package dev.redyellow.run;

import dev.redyellow.testkit.PyManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.StepOutput;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.testing.TestRunners;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's shape is SPEC section 5's contract: parsed back and checked field by field. */
class RunReportTest {
    private final TestRunners runners = TestRunners.standard();

    @org.junit.jupiter.api.AfterEach
    void closeRunners() {
        runners.close();
    }

    @TempDir
    Path tmp;

    @Test
    void reportHasEveryFieldOfTheSpecWithLegalTransitions() throws Exception {
        Manifest m = new PyManifest().maxAttempts(2)
                .feature("add", List.of(), "from add import add\nself.assertEqual(5, add(2, 3))",
                        "def add(a, b):\n    return a - b\n", "def add(a, b):\n    return a + b\n")
                .feature("bad", List.of(), "from bad import f\nself.assertEqual(1, f())", "def f():\n    return 2\n")
                .feature("after", List.of("bad"), "self.assertTrue(True)", "x = 1\n")
                .load(tmp);
        RunResult result = new RunEngine(m, new RunOptions(2, tmp.resolve("run"), false, ManualDecisions.NOBODY,
                StepOutput.DISCARD), runners, RunListener.NONE, Clock.systemUTC()).run();
        Path file = tmp.resolve("out/report.json");
        RunReport.write(result, file);
        JsonNode r = new ObjectMapper().readTree(file.toFile());

        assertEquals(m.file().toString(), r.get("manifest").asText());
        assertEquals(false, r.get("allGreen").asBoolean());
        assertEquals(3, r.get("features").size());
        for (JsonNode f : r.get("features")) {
            for (String key : List.of("id", "state", "reason", "attempts", "testRuns", "cacheHits", "seconds", "tests", "transitions")) {
                assertTrue(f.has(key), f.get("id") + " lacks " + key);
            }
            assertTrue(f.get("tests").has("passed") && f.get("tests").has("failed"));
            FeatureState state = FeatureState.PENDING;
            for (JsonNode t : f.get("transitions")) {
                FeatureState from = FeatureState.valueOf(t.get("from").asText());
                FeatureState to = FeatureState.valueOf(t.get("to").asText());
                assertEquals(state, from, "transitions chain in " + f.get("id"));
                assertTrue(from.canMoveTo(to), from + "->" + to);
                assertTrue(t.has("at") && t.has("reason"));
                state = to;
            }
            assertEquals(f.get("state").asText(), state.name());
        }
        JsonNode add = r.get("features").get(0);
        assertEquals("add", add.get("id").asText());
        assertEquals("GREEN", add.get("state").asText());
        assertEquals(2, add.get("attempts").asInt());
        assertEquals(3, add.get("testRuns").asInt());
        assertEquals(1, add.get("tests").get("passed").asInt());
        assertEquals("BLOCKED", r.get("features").get(2).get("state").asText());
        assertEquals("dependency-failed: bad ended FAILED", r.get("features").get(2).get("reason").asText());

        JsonNode metrics = r.get("metrics");
        for (String key : List.of("wallSeconds", "sumFeatureSeconds", "speedup", "boundSeconds", "efficiency", "workers",
                "peakConcurrency", "cache", "timeline")) {
            assertTrue(metrics.has(key), "metrics lacks " + key);
        }
        for (String key : List.of("requests", "hits", "misses", "hitRate", "savedSeconds")) {
            assertTrue(metrics.get("cache").has(key), "metrics.cache lacks " + key);
        }
        assertEquals(2, metrics.get("workers").asInt());
        assertTrue(metrics.get("boundSeconds").asDouble() <= metrics.get("wallSeconds").asDouble() + 0.01);
        assertEquals(2, metrics.get("timeline").size(), "two features ran, one was blocked");
    }
}
