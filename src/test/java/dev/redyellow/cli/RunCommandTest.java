package dev.redyellow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redyellow.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunCommandTest {
    @TempDir
    Path tmp;

    private String runs() {
        return tmp.resolve("runs").toString();
    }

    static Stream<Path> reasonManifests() throws Exception {
        try (Stream<Path> files = Files.list(ProjectFiles.samples().resolve("reasons"))) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertEquals(9, all.size(), "one manifest per terminal reason");
            return all.stream();
        }
    }

    /** samples/reasons/<reason>.json ends exactly with <reason>, exit code 1, in the report and on the console. */
    @ParameterizedTest
    @MethodSource("reasonManifests")
    void eachReasonSampleEndsWithItsReason(Path manifest) throws Exception {
        String reason = manifest.getFileName().toString().replace(".json", "");
        Path report = tmp.resolve("report.json");
        CliRun run = CliRun.of("run", manifest.toString(), "--report", report.toString(), "--no-cache", "--runs-dir", runs());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        JsonNode features = new ObjectMapper().readTree(report.toFile()).get("features");
        JsonNode last = features.get(features.size() - 1);
        assertTrue(last.get("reason").asText().startsWith(reason + ": "), last.toString());
        assertTrue(run.out().contains(reason + ": "), run.out());
    }

    @Test
    void thePythonSampleEndsAllGreenWithExitZero() throws Exception {
        Path report = tmp.resolve("py.json");
        CliRun run = CliRun.of("run", ProjectFiles.samples().resolve("py-textstats/manifest.json").toString(),
                "--workers", "2", "--report", report.toString(), "--no-cache", "--runs-dir", runs());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertTrue(r.get("allGreen").asBoolean());
        assertEquals(2, r.get("metrics").get("workers").asInt());
        boolean retried = false;
        for (JsonNode f : r.get("features")) {
            assertEquals("GREEN", f.get("state").asText());
            retried |= f.get("attempts").asInt() > 1;
        }
        assertTrue(retried, "a feature of the sample fails its first attempt");
        assertTrue(run.out().contains("RED     -> RED"), "a RED -> RED line on the console:\n" + run.out());
    }

    @Test
    void aManualReviewWithNobodyToAnswerIsRejectedAndApproveAllApproves() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("manual"));
        Files.writeString(dir.resolve("manifest.json"), """
                {"version": 1, "name": "manual", "review": {"kind": "manual"}, "maxAttempts": 1,
                 "test": {"kind": "command", "command": ["python3", "-m", "unittest", "-v", "test_one"]},
                 "features": [{"id": "one", "tests": {"test_one.py": "import unittest\\nfrom one import v\\nclass T(unittest.TestCase):\\n    def test_v(self):\\n        self.assertEqual(1, v)\\n"},
                   "attempts": [{"files": {"one.py": "v = 1\\n"}}]}]}
                """);
        CliRun rejected = CliRun.of("run", dir.resolve("manifest.json").toString(), "--no-cache", "--runs-dir", runs());
        assertEquals(1, rejected.exitCode(), rejected.out() + rejected.err());
        assertTrue(rejected.out().contains("nobody can answer"), rejected.out());
        CliRun approved = CliRun.of("run", dir.resolve("manifest.json").toString(), "--approve-all", "--no-cache",
                "--runs-dir", runs());
        assertEquals(0, approved.exitCode(), approved.out() + approved.err());
        assertTrue(approved.out().contains("approved by --approve-all"), approved.out());
    }

    @Test
    void badWorkersAndBadManifestsExitTwo() {
        Path sample = ProjectFiles.samples().resolve("py-textstats/manifest.json");
        assertEquals(2, CliRun.of("run", sample.toString(), "--workers", "0").exitCode());
        CliRun bad = CliRun.of("run", ProjectFiles.samples().resolve("bad/cycle.json").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("cycle"), bad.err());
    }
}
