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
        // the runs' temporary folder, where vitest makes a folder for each project of a run
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        TestSettings.Command settings = new TestSettings.Command(VITEST, Map.of("TMPDIR", tmp.toString()), 5, null,
                false, List.of(), TestSettings.Fork.WARM);

        Captured timedOut = run(warm, hanging, settings, "calc.test.js");
        List<Long> afterTimeout = pool.livePids();
        List<Path> tmpAfterTimeout = listed(tmp);
        Captured next = run(warm, passing, settings, "calc.test.js");
        List<Long> servers = pool.livePids();
        warm.close();

        assertEquals(TestOutcome.TIMEOUT, timedOut.result().outcome(), timedOut.result().detail() + timedOut.text());
        assertEquals(List.of(), afterTimeout, "the timed-out server was killed");
        // the killed run's project folder (its transformed modules) went with it, as a closed run's goes
        assertEquals(List.of(), tmpAfterTimeout, "what the killed run left in its temporary folder");
        assertEquals(List.of(), listed(tmp), "what the runs left in their temporary folder");
        assertEquals(TestOutcome.PASSED, next.result().outcome(), next.result().detail() + next.text());
        assertTrue(next.text().contains("warm vitest server 2 (run 1)"), next.text());
        assertEquals(Map.of("timeout", 1), pool.state().recyclesByCause());
        WarmScriptRunnerTest.assertNoneAlive(servers);
        assertEquals(List.of(), WarmScriptRunnerTest.servers(), "no server left, by ps");
    }

    @Test
    void aRunWhoseConfigImportsAPackageOrHasAGlobalSetupIsItsServersLast() throws Exception {
        // Node keeps every module it imported by its real path: a config's `import "dotenv/config"` ran in
        // the first run of a server only, and the next run, in another workspace, had none of the variables
        // it sets (the server drops what the request's environment does not name). As with dotenv, the
        // package here sets a variable when it is loaded; the node_modules are shared by both workspaces.
        Path modules = nodeModules();
        Path shared = Files.createDirectories(dir.resolve("shared-node_modules"));
        try (var entries = Files.list(modules)) {
            for (Path entry : entries.toList()) {
                Files.createSymbolicLink(shared.resolve(entry.getFileName()), entry);
            }
        }
        Path pkg = Files.createDirectories(shared.resolve("envpkg"));
        Files.writeString(pkg.resolve("package.json"), "{\"name\": \"envpkg\", \"type\": \"module\", \"main\": \"load.js\"}\n");
        Files.writeString(pkg.resolve("load.js"), "process.env.FROM_ENVPKG = 'loaded';\nexport const marker = 1;\n");
        String test = """
                import { test, expect } from 'vitest';

                test('sees what the config loaded', () => expect(process.env.FROM_ENVPKG).toBe('loaded'));
                """;
        TestSettings.Command warmSettings = command(VITEST, TestSettings.Fork.WARM);
        TestSettings.Command coldSettings = command(VITEST, TestSettings.Fork.PER_RUN);
        List<Captured> warmRuns = new java.util.ArrayList<>();
        for (String name : List.of("first", "second")) {
            Path ws = workspace(name, shared, "calc.js", "2");
            Files.writeString(ws.resolve("calc.test.js"), test);
            Files.writeString(ws.resolve("vitest.config.js"), "import {\n  marker, // loads the variables\n} from 'envpkg';\n"
                    + "export default { define: { MARKER: marker } };\n");
            Captured warmRun = run(warm, ws, warmSettings, "calc.test.js");
            Captured coldRun = run(perRun, ws, coldSettings, "calc.test.js");
            assertEquals(TestOutcome.PASSED, coldRun.result().outcome(), coldRun.result().detail() + coldRun.text());
            assertSame(coldRun.result(), warmRun.result());
            warmRuns.add(warmRun);
        }
        assertTrue(warmRuns.get(0).text().contains("is not used again: its config imports envpkg"), warmRuns.get(0).text());
        assertTrue(warmRuns.get(1).text().contains("warm vitest server 2 (run 1)"), warmRuns.get(1).text());

        // a globalSetup runs in the server's process too: what it starts may outlive the run
        Path setup = workspace("global-setup", modules, "calc.js", "2");
        Files.writeString(setup.resolve("setup.js"), "export default function () {}\n");
        Files.writeString(setup.resolve("vitest.config.js"), "export default { test: { globalSetup: ['./setup.js'] } };\n");
        Captured withSetup = run(warm, setup, warmSettings, "calc.test.js");
        Captured plain = run(warm, workspace("plain", modules, "calc.js", "2"), warmSettings, "calc.test.js");
        assertEquals(TestOutcome.PASSED, withSetup.result().outcome(), withSetup.result().detail() + withSetup.text());
        assertTrue(withSetup.text().contains("is not used again: it has a globalSetup"), withSetup.text());
        assertTrue(plain.text().contains("warm vitest server 4 (run 1)"), plain.text());
        assertTrue(!plain.text().contains("is not used again"), plain.text());
        assertEquals(Map.of(ScriptServerPool.KEPT_STATE, 3), pool.state().recyclesByCause());
    }

    @Test
    void vitestEndingItsOwnProcessEndsTheRunAsItEndsAProcessPerRun() throws Exception {
        // an unhandled rejection in vitest's process during a run (here a plugin's, as vite transforms the
        // test file): vitest reports it and calls process.exit with code 1; the server died without saying
        // how the run ended (an ERROR, where a process per run ends FAILED or as what its output says)
        Path modules = nodeModules();
        Path ws = workspace("rejecting", modules, "calc.js", "2");
        Files.writeString(ws.resolve("vitest.config.js"), "export default { plugins: [{ name: 'rejecting', transform(code, id) {"
                + " if (id.endsWith('calc.test.js')) Promise.reject(new Error('plugin rejected')); return null; } }] };\n");
        // vitest's process.exit skips its own clean-up: the runs' temporary folders go with this test's folder
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        TestSettings.Command warmSettings = new TestSettings.Command(VITEST, Map.of("TMPDIR", tmp.toString()), 60, null,
                false, List.of(), TestSettings.Fork.WARM);
        Captured warmRun = run(warm, ws, warmSettings, "calc.test.js");
        Captured coldRun = run(perRun, ws, warmSettings.withFork(TestSettings.Fork.PER_RUN), "calc.test.js");
        assertTrue(coldRun.text().contains("Unhandled Rejection"), coldRun.text());
        assertTrue(warmRun.text().contains("Unhandled Rejection"), warmRun.text());
        assertEquals(coldRun.result().detail(), warmRun.result().detail());
        assertSame(coldRun.result(), warmRun.result());
        Captured next = run(warm, workspace("after", modules, "calc.js", "2"), command(VITEST, TestSettings.Fork.WARM),
                "calc.test.js");
        assertEquals(TestOutcome.PASSED, next.result().outcome(), next.result().detail() + next.text());
    }

    @Test
    void aConfigWithProjectsRunsWarmAsAProcessPerRun() throws Exception {
        // with test.projects, closing vitest takes the root's vite server away; the server read the config's
        // name after that, died on it, and every run of such a project was an ERROR
        Path modules = nodeModules();
        TestSettings.Command warmSettings = command(VITEST, TestSettings.Fork.WARM);
        for (String name : List.of("projects-1", "projects-2")) {
            Path ws = workspace(name, modules, "calc.js", "2");
            Files.writeString(ws.resolve("vitest.config.js"), "import { defineConfig } from 'vitest/config';\n"
                    + "export default defineConfig({ test: { projects: [{ test: { name: 'unit', include: ['*.test.js'] } }] } });\n");
            Captured warmRun = run(warm, ws, warmSettings, "calc.test.js");
            Captured coldRun = run(perRun, ws, command(VITEST, TestSettings.Fork.PER_RUN), "calc.test.js");
            assertEquals(TestOutcome.PASSED, coldRun.result().outcome(), coldRun.result().detail() + coldRun.text());
            assertSame(coldRun.result(), warmRun.result());
        }
        assertEquals(1, pool.state().serversStarted(), "a config that imports vitest only keeps its server");
    }

    @Test
    void aConfigsOwnRootIsKeptAsOnTheCommandLine() throws Exception {
        // the server once passed the workspace as vitest's root, over the config's own
        Path modules = nodeModules();
        Path ws = workspace("rooted", modules, "calc.js", "2");
        Path src = Files.createDirectories(ws.resolve("src"));
        Files.move(ws.resolve("calc.js"), src.resolve("calc.js"));
        Files.move(ws.resolve("calc.test.js"), src.resolve("calc.spec.js"));
        Files.writeString(ws.resolve("vitest.config.js"), "export default { root: './src', test: { include: ['*.spec.js'] } };\n");
        List<String> all = List.of("node_modules/.bin/vitest", "run", "--configLoader=native");
        Captured warmRun = run(warm, ws, command(all, TestSettings.Fork.WARM));
        Captured coldRun = run(perRun, ws, command(all, TestSettings.Fork.PER_RUN));
        assertEquals(TestOutcome.PASSED, coldRun.result().outcome(), coldRun.result().detail() + coldRun.text());
        assertSame(coldRun.result(), warmRun.result());
    }

    private static List<Path> listed(Path folder) throws IOException {
        try (var list = Files.list(folder)) {
            return list.toList();
        }
    }

    @Test
    void nothingOfOneWorkspaceIsSeenByTheNextRunInAnotherWithOtherCode() throws Exception {
        // The server runs every request in itself: the modules and config of one workspace must not be
        // what the next run, in another workspace with the same paths and other content, runs.
        Path modules = nodeModules();
        String sum = """
                import { test, expect } from 'vitest';
                import { add } from './calc.js';

                test('adds', () => expect(add(2, 3)).toBe(5));
                """;
        String globalExpect = """
                import { add } from './calc.js';

                test('uses the globals', () => expect(add(2, 3)).toBe(5));
                """;
        Path a = workspace("a", modules, "calc.js", "2");
        Files.writeString(a.resolve("calc.test.js"), sum);
        Path b = workspace("b", modules, "calc.js", "2");
        Files.writeString(b.resolve("calc.js"), "export function add(a, b) {\n  return a * b;\n}\n");
        Files.writeString(b.resolve("calc.test.js"), sum);
        Path globals = workspace("globals", modules, "calc.js", "2");
        Files.writeString(globals.resolve("vitest.config.js"), "export default { test: { globals: true } };\n");
        Files.writeString(globals.resolve("calc.test.js"), globalExpect);
        Path noGlobals = workspace("no-globals", modules, "calc.js", "2");
        Files.writeString(noGlobals.resolve("calc.test.js"), globalExpect);
        TestSettings.Command warmSettings = command(VITEST, TestSettings.Fork.WARM);
        TestSettings.Command coldSettings = command(VITEST, TestSettings.Fork.PER_RUN);

        Captured warmA = run(warm, a, warmSettings, "calc.test.js");
        Captured warmB = run(warm, b, warmSettings, "calc.test.js");
        Captured warmGlobals = run(warm, globals, warmSettings, "calc.test.js");
        Captured warmNoGlobals = run(warm, noGlobals, warmSettings, "calc.test.js");

        assertEquals(TestOutcome.PASSED, warmA.result().outcome(), warmA.result().detail() + warmA.text());
        assertEquals(TestOutcome.FAILED, warmB.result().outcome(), "B's calc.js multiplies: " + warmB.text());
        assertTrue(warmB.text().contains("expected 6 to be 5"), warmB.text());
        assertEquals(TestOutcome.PASSED, warmGlobals.result().outcome(), warmGlobals.result().detail() + warmGlobals.text());
        assertTrue(warmNoGlobals.text().contains("[redyellow] warm vitest server 1 (run 4)"), warmNoGlobals.text());
        assertSame(run(perRun, b, coldSettings, "calc.test.js").result(), warmB.result());
        assertSame(run(perRun, noGlobals, coldSettings, "calc.test.js").result(), warmNoGlobals.result());
        assertTrue(warmNoGlobals.result().outcome() != TestOutcome.PASSED, "the globals of the run before stay there: "
                + warmNoGlobals.text());
    }

    @Test
    void filesAreIsolatedOrShareModulesExactlyAsTheConfigSays() throws Exception {
        // The server starts no spare test worker when workers are isolated; each file still gets a fresh
        // one, and with isolate: false the files still share one worker and its modules.
        Path modules = nodeModules();
        String counted = """
                import { test, expect } from 'vitest';
                import { count } from './counter.js';

                test('is the first to count', () => expect(count()).toBe(1));
                """;
        Map<String, Boolean> isolation = Map.of("isolated", true, "shared", false);
        for (Map.Entry<String, Boolean> each : isolation.entrySet()) {
            Path ws = workspace(each.getKey(), modules, "calc.js", "2");
            Files.delete(ws.resolve("calc.test.js"));
            Files.writeString(ws.resolve("counter.js"), "let n = 0;\nexport function count() {\n  return ++n;\n}\n");
            Files.writeString(ws.resolve("one.test.js"), counted);
            Files.writeString(ws.resolve("two.test.js"), counted);
            Files.writeString(ws.resolve("vitest.config.js"), "export default { test: { pool: 'threads', maxWorkers: 1, isolate: "
                    + each.getValue() + " } };\n");

            Captured warmRun = run(warm, ws, command(VITEST, TestSettings.Fork.WARM), "one.test.js", "two.test.js");
            Captured coldRun = run(perRun, ws, command(VITEST, TestSettings.Fork.PER_RUN), "one.test.js", "two.test.js");

            String why = each.getKey() + ": " + warmRun.result().detail() + warmRun.text();
            assertEquals(each.getValue() ? TestOutcome.PASSED : TestOutcome.FAILED, warmRun.result().outcome(), why);
            assertEquals(each.getValue() ? 2 : 1, warmRun.result().passed(), why);
            assertEquals(coldRun.result().outcome(), warmRun.result().outcome(), why + coldRun.text());
            assertEquals(List.of(coldRun.result().passed(), coldRun.result().failed()),
                    List.of(warmRun.result().passed(), warmRun.result().failed()), why);
        }
    }

    @Test
    void theCoreCountThatTinypoolAsksTheShellIsPreloadedIntoEachTestWorkerWithTheShellsAnswer() throws Exception {
        // tinypool runs cat /proc/cpuinfo pipelines in every test worker; the server answers them from
        // what its own import of tinypool got. A test's own call of such a command gets the same answer
        // a shell gives, as a string or as bytes, in threads and in child processes alike.
        Path modules = nodeModules();
        String command = "cat /proc/cpuinfo | grep \"core id\" | sort | uniq | wc -l";
        Process shell = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String shellAnswer = new String(shell.getInputStream().readAllBytes()).trim();
        assertEquals(0, shell.waitFor());
        for (String pool : List.of("threads", "forks", "vmThreads")) {
            Path ws = workspace("cores-" + pool, modules, "calc.js", "2");
            Files.writeString(ws.resolve("vitest.config.js"), "export default { test: { pool: '" + pool + "' } };\n");
            Files.writeString(ws.resolve("calc.test.js"), """
                    import { test } from 'vitest';
                    import childProcess from 'node:child_process';

                    test('counts cores', () => {
                      const preloaded = globalThis[Symbol.for('redyellow.cpuFacts')];
                      const command = '%s';
                      console.log('PRELOADED ' + (preloaded ? preloaded.size : 0));
                      console.log('COMMANDS ' + (preloaded ? [...preloaded.keys()].sort().join(' && ') : ''));
                      console.log('NAMED ' + childProcess.execSync.name);
                      console.log('ARGUMENT ' + process.execArgv.some(a => a.startsWith('data:text/javascript,')));
                      console.log('TEXT ' + childProcess.execSync(command, { encoding: 'utf8' }).trim());
                      console.log('BYTES ' + childProcess.execSync(command).toString('utf8').trim());
                    });
                    """.formatted(command.replace("'", "\\'")));

            Captured warmRun = run(warm, ws, command(VITEST, TestSettings.Fork.WARM), "calc.test.js");
            Captured coldRun = run(perRun, ws, command(VITEST, TestSettings.Fork.PER_RUN), "calc.test.js");

            String why = pool + ": " + warmRun.result().detail() + warmRun.text();
            assertEquals(TestOutcome.PASSED, warmRun.result().outcome(), why);
            assertTrue(warmRun.text().contains("ARGUMENT true\n"), "the worker was started with the preload: " + why);
            if (!pool.startsWith("vm")) {
                // a vm pool runs the test in a context of its own, which the preload's global is not in
                assertTrue(warmRun.text().contains("PRELOADED 2\n"), "the worker got the server's answers: " + why);
                // tinypool 1.1.1's two pipelines, as vitest 3.2.4's lock file pins it
                assertTrue(warmRun.text().contains("COMMANDS cat /proc/cpuinfo | grep \"core id\" | sort | uniq | wc -l && "
                        + "cat /proc/cpuinfo | grep \"physical id\" | sort |uniq | wc -l\n"), why);
            }
            assertTrue(warmRun.text().contains("NAMED execSync\n"), why);
            assertTrue(warmRun.text().contains("TEXT " + shellAnswer + "\n"), why);
            assertTrue(warmRun.text().contains("BYTES " + shellAnswer + "\n"), why);
            assertTrue(coldRun.text().contains("PRELOADED 0") && coldRun.text().contains("ARGUMENT false"),
                    "a plain vitest has no preload: " + coldRun.text());
            assertTrue(coldRun.text().contains("TEXT " + shellAnswer + "\n"), coldRun.text());
        }
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
