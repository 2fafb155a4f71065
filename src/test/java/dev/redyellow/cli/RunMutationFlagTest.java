package dev.redyellow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --mutation}: measures a manifest that has no mutation object, and the report says what was found. */
class RunMutationFlagTest {
    @TempDir
    Path tmp;

    @Test
    void theFlagMeasuresAndTheReportCarriesTheCounts() throws Exception {
        Files.writeString(tmp.resolve("mutate.py"), "print('killed: 2')\nprint('survived: 1')\n"
                + "print('survivor: one.py:1: replaced 1 with 0')\n");
        Path manifest = tmp.resolve("manifest.json");
        Files.writeString(manifest, """
                {"version": 1, "name": "flag", "maxAttempts": 1,
                 "test": {"kind": "command", "command": ["python3", "-m", "unittest", "-v", "test_one"],
                          "mutationCommand": ["python3", "%s"]},
                 "features": [{"id": "one", "tests": {"test_one.py": "import unittest\\nfrom one import v\\nclass T(unittest.TestCase):\\n    def test_v(self):\\n        self.assertEqual(1, v)\\n"},
                   "attempts": [{"files": {"one.py": "v = 1\\n"}}]}]}
                """.formatted(tmp.resolve("mutate.py").toString().replace("\\", "\\\\")));

        JsonNode without = run(manifest, "plain.json");
        JsonNode with = run(manifest, "flag.json", "--mutation");

        assertNull(without.get("mutation"), without.toString());
        JsonNode mutation = with.get("mutation");
        assertTrue(mutation.get("measured").asBoolean(), mutation.toString());
        assertEquals(3, mutation.get("generated").asInt());
        assertEquals(2, mutation.get("killed").asInt());
        assertEquals(1, mutation.get("survived").asInt());
        assertEquals(2.0 / 3, mutation.get("score").asDouble(), 1e-9);
        assertEquals("replaced 1 with 0", mutation.get("survivors").get(0).get("change").asText());
        assertEquals("GREEN", with.get("state").asText(), "no minScore: measured, not gated");
    }

    private JsonNode run(Path manifest, String report, String... extra) throws Exception {
        String[] args = {"run", manifest.toString(), "--report", tmp.resolve(report).toString(), "--no-cache",
                "--runs-dir", tmp.resolve("runs").toString()};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        CliRun run = CliRun.of(all);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        return new ObjectMapper().readTree(tmp.resolve(report).toFile()).get("features").get(0);
    }
}
