package dev.redyellow.testing;

import static dev.redyellow.testing.WarmScriptRunnerTest.assertSame;
import static dev.redyellow.testing.WarmScriptRunnerTest.command;
import static dev.redyellow.testing.WarmScriptRunnerTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.files.Sha256;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.WarmScriptRunnerTest.Captured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vitest in a warm server, against the real vitest of the realjs case: the node_modules that
 * {@code bench realjs} installs once (npm ci of the case's lock file, in ~/.redyellow/realjs). Skipped
 * where that install is not there (it needs the npm registry once); in CI (REDYELLOW_REQUIRE_VITEST set)
 * its absence fails the tests.
 */
class WarmVitestRunnerTest {

    private static final List<String> VITEST = List.of("node_modules/.bin/vitest", "run", "--configLoader=native");
    private static final String CALC_TEST = """
            import { test, expect } from 'vitest';
            import { add } from './%s';

            test('adds', () => expect(add(2, 2)).toBe(4));
            test('subtracts', () => expect(3 - 1).toBe(%s));
            """;

    @TempDir
    Path dir;

    private final CommandTestRunner perRun = new CommandTestRunner(new ProcessRunner());
    private final ScriptServerPool pool = new ScriptServerPool();
    private final WarmScriptRunner warm = new WarmScriptRunner(pool, perRun);

    @AfterEach
    void closePool() {
        warm.close();
    }

    /** The realjs case's installed node_modules (the bench's cache folder, named by the lock's hash). */
    static Path nodeModules() throws IOException {
        byte[] lock = Files.readAllBytes(Path.of("benchmarks/realjs/domutils/package-lock.json"));
        Path modules = Path.of(System.getProperty("user.home"), ".redyellow", "realjs",
                "npm-" + Sha256.hex(lock).substring(0, 16), "node_modules");
        boolean there = Files.isRegularFile(modules.resolve("vitest/dist/node.js"));
        if (System.getenv("REDYELLOW_REQUIRE_VITEST") != null) {
            assertTrue(there, "vitest is not installed at " + modules);
        }
        assumeTrue(there, "vitest is not installed at " + modules + " (run bench realjs once)");
        return modules;
    }

    @Test
    void passFailAndLoadErrorRunWarmAndAreJudgedAsAProcessPerRun() throws Exception {
        Path modules = nodeModules();
        Path passing = workspace("passing", modules, "calc.js", "2");
        Path failing = workspace("failing", modules, "calc.js", "1");
        Path broken = workspace("broken", modules, "missing.js", "2");
        TestSettings.Command warmSettings = command(VITEST, TestSettings.Fork.WARM);
        TestSettings.Command coldSettings = command(VITEST, TestSettings.Fork.PER_RUN);

        Captured warmPass = run(warm, passing, warmSettings, "calc.test.js");
        Captured warmFail = run(warm, failing, warmSettings, "calc.test.js");
        Captured warmBroken = run(warm, broken, warmSettings, "calc.test.js");

        assertEquals(TestOutcome.PASSED, warmPass.result().outcome(), warmPass.result().detail() + warmPass.text());
        assertEquals(2, warmPass.result().passed());
        assertTrue(warmPass.text().contains("[redyellow] warm vitest server 1 (run 1)"), warmPass.text());
        assertTrue(warmBroken.text().contains("[redyellow] warm vitest server 1 (run 3)"), warmBroken.text());
        assertEquals(TestOutcome.FAILED, warmFail.result().outcome(), warmFail.result().detail() + warmFail.text());
        assertEquals(TestOutcome.COMPILE_ERROR, warmBroken.result().outcome(), warmBroken.result().detail());
        assertSame(run(perRun, passing, coldSettings, "calc.test.js").result(), warmPass.result());
        assertSame(run(perRun, failing, coldSettings, "calc.test.js").result(), warmFail.result());
        assertSame(run(perRun, broken, coldSettings, "calc.test.js").result(), warmBroken.result());
        assertEquals(3, pool.state().warmRuns());
    }

    @Test
    void typeScriptRunsOneAfterAnotherInOneServerAllPass() throws Exception {
        // TypeScript goes through esbuild's service, a child the server keeps: a run's leftovers are
        // killed after it, and the service started by the first run was among them (every later run
        // then failed with "The service is no longer running").
        Path modules = nodeModules();
        TestSettings.Command settings = command(VITEST, TestSettings.Fork.WARM);
        for (int i = 1; i <= 3; i++) {
            Path ws = workspace("ts" + i, modules, "calc.js", "2");
            Files.writeString(ws.resolve("calc.ts"), "export function add(a: number, b: number): number {\n  return a + b;\n}\n");
            Files.writeString(ws.resolve("calc.test.ts"), CALC_TEST.formatted("calc", "2")
                    .replace("expect(add(2, 2))", "expect(add(2 as number, 2))"));
            Captured run = run(warm, ws, settings, "calc.test.ts");
            assertEquals(TestOutcome.PASSED, run.result().outcome(), "run " + i + ": " + run.result().detail() + run.text());
            assertTrue(run.text().contains("[redyellow] warm vitest server 1 (run " + i + ")"), run.text());
        }
    }

    @Test
    void aTimeoutKillsTheServerAndTheNextRunGetsANewOne() throws Exception {
        Path modules = nodeModules();
        Path hanging = workspace("hanging", modules, "calc.js", "2");
        Files.writeString(hanging.resolve("calc.test.js"), """
                import { test } from 'vitest';

                test('never ends', () => new Promise(() => setInterval(() => {}, 1000)), 600_000);
                """);
        Path passing = workspace("passing", modules, "calc.js", "2");
        TestSettings.Command settings = new TestSettings.Command(VITEST, Map.of(), 5, null, false, List.of(),
                TestSettings.Fork.WARM);

        Captured timedOut = run(warm, hanging, settings, "calc.test.js");
        List<Long> afterTimeout = pool.livePids();
        Captured next = run(warm, passing, settings, "calc.test.js");
        List<Long> servers = pool.livePids();
        warm.close();

        assertEquals(TestOutcome.TIMEOUT, timedOut.result().outcome(), timedOut.result().detail() + timedOut.text());
        assertEquals(List.of(), afterTimeout, "the timed-out server was killed");
        assertEquals(TestOutcome.PASSED, next.result().outcome(), next.result().detail() + next.text());
        assertTrue(next.text().contains("warm vitest server 2 (run 1)"), next.text());
        assertEquals(Map.of("timeout", 1), pool.state().recyclesByCause());
        WarmScriptRunnerTest.assertNoneAlive(servers);
        assertEquals(List.of(), WarmScriptRunnerTest.servers(), "no server left, by ps");
    }

    private Path workspace(String name, Path modules, String imported, String expected) throws IOException {
        Path ws = Files.createDirectories(dir.resolve(name));
        Files.writeString(ws.resolve("package.json"), "{\"name\": \"" + name + "\", \"type\": \"module\"}\n");
        Files.writeString(ws.resolve("calc.js"), "export function add(a, b) {\n  return a + b;\n}\n");
        Files.writeString(ws.resolve("calc.test.js"), CALC_TEST.formatted(imported, expected));
        Files.createSymbolicLink(ws.resolve("node_modules"), modules);
        return ws;
    }
}
