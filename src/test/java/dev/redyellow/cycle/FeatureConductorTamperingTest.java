package dev.redyellow.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.WorkspaceFactory;
import dev.redyellow.implement.AttemptResult;
import dev.redyellow.implement.Implementer;
import dev.redyellow.implement.Verdict;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.CommandTestRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conductor ends an attempt FAILED with a tampering reason when the run's shared dependency
 * folder changed during the implementer's turn or the test run: real node, real files, real links.
 */
class FeatureConductorTamperingTest {
    private static final String SHOUT = "export function shout(s) { return s.toUpperCase() + '!'; }\n";
    private static final String GREETER = "export function greet(n) { return 'hello ' + n; }\n";

    @TempDir
    Path tmp;

    private Path base() throws IOException {
        Path pkg = Files.createDirectories(tmp.resolve("project/base/node_modules/greeter"));
        Files.writeString(pkg.resolve("package.json"), "{\"name\": \"greeter\", \"type\": \"module\", \"main\": \"index.js\"}");
        Files.writeString(pkg.resolve("index.js"), GREETER);
        Files.writeString(tmp.resolve("project/base/package.json"), "{\"type\": \"module\"}");
        return tmp.resolve("project/base");
    }

    /** A node:test test of shout (missing before the implementation); {@code extra} runs after the assertion. */
    private static Feature feature(String extra) {
        String test = "import { test } from 'node:test';\nimport assert from 'node:assert';\nimport fs from 'node:fs';\n"
                + "import { greet } from 'greeter';\n"
                + "test('shout', async () => {\n  const { shout } = await import('./shout.mjs');\n"
                + "  assert.strictEqual(shout(greet('x')), 'HELLO X!');\n" + extra + "});\n";
        TestSettings settings = new TestSettings.Command(List.of("node", "--test", "shout.test.mjs"), Map.of(), 60, null);
        return new Feature("shout", "shout", "", List.of(), List.of(), settings, new ImplementerSettings.Replay(),
                new ReviewSettings.Auto(), FileSet.ofText(Map.of("shout.test.mjs", test)), List.of(), null);
    }

    private FeatureOutcome conduct(Feature feature, Implementer implementer) throws IOException {
        WorkspaceFactory workspaces = new WorkspaceFactory(tmp.resolve("run"), base());
        FeatureConductor.Parts parts = new FeatureConductor.Parts(workspaces, new CommandTestRunner(new ProcessRunner()),
                implementer, review -> Verdict.approve("fine"), StepOutput.DISCARD, false, DependencyFiles.NONE,
                (id, phase, result, ws) -> new DependencyDiscovery.Finding.Own(List.of("shout.mjs")),
                new dev.redyellow.store.BlobStore(tmp.resolve("run/store"), 1 << 20));
        Clock clock = Clock.systemUTC();
        FeatureConductor.Step step = new FeatureConductor(feature, new FeatureLifecycle(feature.id(), clock, t -> { }),
                new FeatureConductor.Limits(2, 2, null), parts, clock).conduct();
        return ((FeatureConductor.Step.Finished) step).outcome();
    }

    @Test
    void anHonestAttemptGoesGreen() throws Exception {
        FeatureOutcome outcome = conduct(feature(""), request ->
                new AttemptResult.Produced(FileSet.ofText(Map.of("shout.mjs", SHOUT))));
        assertEquals(FeatureState.GREEN, outcome.state(), outcome.reason());
    }

    @Test
    void anImplementerThatWritesIntoNodeModulesFailsWithTampering() throws Exception {
        Implementer sneaky = request -> {
            Path index = request.workspace().resolve("node_modules/greeter/index.js");
            try {
                index.toRealPath().toFile().setWritable(true); // what root may do anyway
                Files.writeString(index, "export function greet(n) { return 'HELLO X'; }\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new AttemptResult.Produced(FileSet.ofText(Map.of("shout.mjs", "export const shout = s => s + '!';\n")));
        };
        FeatureOutcome outcome = conduct(feature(""), sneaky);
        assertEquals(FeatureState.FAILED, outcome.state());
        assertTrue(outcome.reason().startsWith("tampering: node_modules/greeter/index.js changed"), outcome.reason());
        assertEquals(GREETER, Files.readString(tmp.resolve("run/shared").resolve(sharedIndex())), "repaired for later attempts");
    }

    @Test
    void aTestRunThatWritesIntoNodeModulesFailsWithTampering() throws Exception {
        String scribble = "  fs.chmodSync('node_modules/greeter/index.js', 0o644);\n"
                + "  fs.appendFileSync('node_modules/greeter/index.js', '// was here\\n');\n";
        FeatureOutcome outcome = conduct(feature(scribble), request ->
                new AttemptResult.Produced(FileSet.ofText(Map.of("shout.mjs", SHOUT))));
        assertEquals(FeatureState.FAILED, outcome.state());
        assertTrue(outcome.reason().startsWith("tampering: node_modules/greeter/index.js changed"), outcome.reason());
    }

    /** The one shared copy's index.js, relative to the run's shared folder. */
    private Path sharedIndex() throws IOException {
        try (var fingerprints = Files.list(tmp.resolve("run/shared"))) {
            return tmp.resolve("run/shared").relativize(fingerprints.findFirst().orElseThrow())
                    .resolve("node_modules/greeter/index.js");
        }
    }
}
