package dev.redyellow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redyellow.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache through the command line, as a user meets it: a second run, stats, why, clear, a broken file. */
class CacheCommandTest {
    @TempDir
    Path tmp;

    private String sample() {
        return ProjectFiles.samples().resolve("py-textstats/manifest.json").toString();
    }

    private CliRun run(String... extra) {
        String[] base = {"run", sample(), "--cache-db", tmp.resolve("c.db").toString(), "--runs-dir", tmp.resolve("runs").toString(),
            "--report", tmp.resolve("r.json").toString()};
        return CliRun.of(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    private JsonNode report() throws Exception {
        return new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
    }

    @Test
    void theSecondRunIsServedFromTheCacheAndStatsSaySo() throws Exception {
        CliRun cold = run();
        assertEquals(0, cold.exitCode(), cold.out() + cold.err());
        assertEquals(0, report().get("metrics").get("cache").get("hits").asInt());
        CliRun warm = run();
        assertEquals(0, warm.exitCode(), warm.out() + warm.err());
        JsonNode cache = report().get("metrics").get("cache");
        assertEquals(1.0, cache.get("hitRate").asDouble());
        assertTrue(cache.get("savedSeconds").asDouble() > 0, cache.toString());
        for (JsonNode f : report().get("features")) {
            assertEquals(f.get("testRuns").asInt(), f.get("cacheHits").asInt(), f.toString());
        }
        CliRun stats = CliRun.of("cache", "stats", "--json", "--cache-db", tmp.resolve("c.db").toString());
        assertEquals(0, stats.exitCode(), stats.err());
        JsonNode s = new ObjectMapper().readTree(stats.out());
        assertEquals(cache.get("hits").asInt(), s.get("hits").asInt());
        assertTrue(s.get("entries").asInt() > 0);
    }

    @Test
    void noCacheRunsEverythingAndLeavesTheFileAlone() throws Exception {
        assertEquals(0, run("--no-cache").exitCode());
        assertEquals(0, report().get("metrics").get("cache").get("requests").asInt());
        assertTrue(Files.notExists(tmp.resolve("c.db")));
    }

    @Test
    void clearEmptiesTheCacheAndInvalidateDropsAFeaturesEntries() throws Exception {
        assertEquals(0, run().exitCode());
        String db = tmp.resolve("c.db").toString();
        CliRun invalidate = CliRun.of("cache", "invalidate", "tokens", "--cache-db", db);
        assertEquals(0, invalidate.exitCode(), invalidate.err());
        assertTrue(invalidate.out().matches("dropped [1-9]\\d* entries of tokens\\s*"), invalidate.out());
        CliRun clear = CliRun.of("cache", "clear", "--cache-db", db);
        assertEquals(0, clear.exitCode());
        CliRun stats = CliRun.of("cache", "stats", "--json", "--cache-db", db);
        assertEquals(0, new ObjectMapper().readTree(stats.out()).get("entries").asInt());
    }

    @Test
    void whyNamesTheInputThatChanged() throws Exception {
        Path project = tmp.resolve("proj");
        Files.createDirectories(project);
        String manifest = """
                {"version": 1, "name": "why", "maxAttempts": 2,
                 "test": {"kind": "command", "command": ["python3", "-m", "unittest", "-v", "test_one"]},
                 "features": [{"id": "one", "tests": {"test_one.py": {"from": "test_one.py"}},
                   "attempts": [{"files": {"one.py": "v = 2\\n"}}, {"files": {"one.py": "v = 1\\n"}}]}]}
                """;
        Files.writeString(project.resolve("manifest.json"), manifest);
        Files.writeString(project.resolve("test_one.py"),
                "import unittest\nfrom one import v\nclass T(unittest.TestCase):\n    def test_v(self):\n        self.assertEqual(1, v)\n");
        CliRun r = CliRun.of("run", project.resolve("manifest.json").toString(), "--cache-db", tmp.resolve("w.db").toString(),
                "--runs-dir", tmp.resolve("runs").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        CliRun why = CliRun.of("cache", "why", "one", "--cache-db", tmp.resolve("w.db").toString());
        assertEquals(0, why.exitCode(), why.out() + why.err());
        assertTrue(why.out().contains("file:one.py"), why.out());
    }

    @Test
    void aCorruptedCacheFileIsMovedAsideWithAWarningAndTheRunGoesOn() throws Exception {
        Files.writeString(tmp.resolve("c.db"), "this is not an SQLite file, just text a user saved here by mistake");
        CliRun r = run();
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("warning"), r.err());
        try (Stream<Path> files = Files.list(tmp)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("c.db.corrupt-")), "moved aside");
        }
        assertEquals(0, CliRun.of("cache", "stats", "--cache-db", tmp.resolve("c.db").toString()).exitCode());
    }

    @Test
    void anUnwritableLocationRunsUncachedWithAWarning() throws Exception {
        Path notADir = Files.writeString(tmp.resolve("file"), "x");
        CliRun r = CliRun.of("run", sample(), "--cache-db", notADir.resolve("c.db").toString(), "--runs-dir",
                tmp.resolve("runs").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("warning"), r.err());
    }

    @Test
    void historyListsTheRunsWithTheirOutcome() throws Exception {
        assertEquals(0, run().exitCode());
        CliRun history = CliRun.of("history", "--json", "--cache-db", tmp.resolve("c.db").toString());
        assertEquals(0, history.exitCode(), history.err());
        JsonNode runs = new ObjectMapper().readTree(history.out());
        assertEquals(1, runs.size());
        assertEquals("py-textstats", runs.get(0).get("name").asText());
        assertTrue(runs.get(0).get("allGreen").asBoolean());
        assertEquals(7, runs.get(0).get("features").size());
    }

    @Test
    void streamPrintsTheTestOutputOfFeaturesLivePrefixedByFeature() throws Exception {
        CliRun r = run("--stream");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("[tokens#red] "), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("[readability#") && l.contains("ok")), r.out());
        Path logs = tmp.resolve("runs");
        try (Stream<Path> files = Files.walk(logs)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith("tokens/red.log")), "a log file per attempt");
        }
    }
}
