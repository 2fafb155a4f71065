package dev.redyellow.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.redyellow.testing.TestRunners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test run that changes the shared node_modules fails its attempt with a tampering reason, and its
 * result is never kept in the test cache: the next run on the same cache file runs it again and ends
 * the same way, rather than being served the tampered pass. Real node, a real SQLite file.
 */
class TamperedRunsAreNotKeptTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Manifest manifest() throws Exception {
        Path pkg = Files.createDirectories(tmp.resolve("base/node_modules/greeter"));
        Files.writeString(pkg.resolve("package.json"), "{\"name\": \"greeter\", \"type\": \"module\", \"main\": \"index.js\"}");
        Files.writeString(pkg.resolve("index.js"), "export function greet(n) { return 'hello ' + n; }\n");
        Files.writeString(tmp.resolve("base/package.json"), "{\"type\": \"module\"}");
        String test = "import { test } from 'node:test';\nimport assert from 'node:assert';\nimport fs from 'node:fs';\n"
                + "import { greet } from 'greeter';\n"
                + "test('shout', async () => {\n  const { shout } = await import('./shout.mjs');\n"
                + "  assert.strictEqual(shout(greet('x')), 'HELLO X!');\n"
                + "  fs.chmodSync('node_modules/greeter/index.js', 0o644);\n"
                + "  fs.appendFileSync('node_modules/greeter/index.js', '// was here\\n');\n});\n";
        ObjectNode root = JSON.createObjectNode().put("version", 1).put("name", "tamper-cache").put("base", "base/")
                .put("maxAttempts", 1).put("workers", 1);
        ObjectNode t = root.putObject("test").put("kind", "command").put("timeoutSeconds", 60);
        t.putArray("command").add("node").add("--test").add("shout.test.mjs");
        ObjectNode f = root.putArray("features").addObject().put("id", "shout").put("title", "shout");
        f.putObject("tests").put("shout.test.mjs", test);
        f.putArray("attempts").addObject().putObject("files")
                .put("shout.mjs", "export function shout(s) { return s.toUpperCase() + '!'; }\n");
        Path file = Files.writeString(tmp.resolve("manifest.json"), JSON.writeValueAsString(root));
        return ManifestLoader.load(file);
    }

    private FeatureOutcome run(Manifest manifest, Path cacheFile, String folder) throws Exception {
        try (OpenedCache opened = TestCaches.open(cacheFile, CacheSettings.defaults());
             TestRunners runners = TestRunners.standard()) {
            RunOptions options = new RunOptions(1, tmp.resolve(folder), false, ManualDecisions.NOBODY, StepOutput.DISCARD,
                    opened.cache(), Map.of(), null, null);
            return new RunEngine(manifest, options, runners, RunListener.NONE, Clock.systemUTC()).run().outcomes().get(0);
        }
    }

    @Test
    void aRunThatTamperedIsNeverServedFromTheCache() throws Exception {
        Manifest manifest = manifest();
        Path cacheFile = tmp.resolve("cache.db");

        FeatureOutcome first = run(manifest, cacheFile, "run1");
        FeatureOutcome second = run(manifest, cacheFile, "run2");

        for (FeatureOutcome o : new FeatureOutcome[] {first, second}) {
            assertEquals(FeatureState.FAILED, o.state(), o.reason());
            assertTrue(o.reason().startsWith("tampering: node_modules/greeter/index.js changed"), o.reason());
        }
        assertEquals(1, second.cacheHits(), "the RED proof comes from the cache, the run that tampered runs again");
    }
}
