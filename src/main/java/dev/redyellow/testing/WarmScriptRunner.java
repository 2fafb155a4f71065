package dev.redyellow.testing;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessOutputTail;
import dev.redyellow.manifest.TestSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code command} kind in warm mode: a {@code python -m pytest} or vitest argv runs in a warm
 * script server of the pool ({@link ScriptServer}) instead of a process of its own, with the argv
 * {@link TestArgv} resolves (the feature's own tests), in the workspace, with the same environment.
 * Judged exactly as a process per run ({@link CommandVerdict}). Any other argv, and a run for which no
 * server can be started, goes to the per-run runner.
 */
public final class WarmScriptRunner implements TestRunner, AutoCloseable {

    private static final int TAIL_BYTES = 64 * 1024;
    /** "No limit": far enough not to matter, near enough not to overflow {@link System#nanoTime()} sums. */
    private static final Duration NO_LIMIT = Duration.ofDays(365);

    private final ScriptServerPool pool;
    private final CommandTestRunner perRun;

    WarmScriptRunner(ScriptServerPool pool, CommandTestRunner perRun) {
        this.pool = pool;
        this.perRun = perRun;
    }

    /** A runner whose pytest servers compile for this runner only. */
    public WarmScriptRunner(CommandTestRunner perRun) {
        this(new ScriptServerPool(), perRun);
    }

    /** A runner whose pytest servers keep compiled code in {@code keptCode} for later runs ({@link PythonCodeFolder}). */
    public WarmScriptRunner(CommandTestRunner perRun, java.nio.file.Path keptCode) {
        this(new ScriptServerPool(keptCode), perRun);
    }

    /** Whether this argv (as the settings write it) runs warm in the warm fork mode; else it runs as a process per run. */
    public static boolean canRunWarm(java.util.List<String> argv) {
        return WarmScript.capable(argv);
    }

    ScriptServerPool pool() {
        return pool;
    }

    /** The servers' figures so far. */
    public ScriptPoolState state() {
        return pool.state();
    }

    @Override
    public TestResult run(TestRequest request) throws InterruptedException {
        if (!(request.settings() instanceof TestSettings.Command settings)) {
            throw new IllegalArgumentException("not command settings: " + request.settings().describe());
        }
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        RunResults results = new RunResults(started);
        TestArgv.Resolved argv;
        try {
            argv = CommandTestRunner.argv(settings, request);
        } catch (IllegalArgumentException e) {
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, e.getMessage(), "");
        }
        try (PytestSkips skips = PytestSkips.forRun(argv.argv())) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.putAll(skips.env(argv.env(settings.env(), System.getenv()), System.getenv()));
            Optional<WarmScript.Plan> plan = WarmScript.of(argv.argv(), request.workspace(), env);
            if (plan.isEmpty()) {
                // The interpreter or the workspace's vitest is not there: the process says what is missing.
                pool.fellBack();
                return perRun.run(request);
            }
            ScriptServer server;
            try {
                server = pool.borrow(plan.get().key());
            } catch (IOException e) {
                // As a process of its own the run says in its own output what is missing (no pytest, say).
                pool.fellBack();
                CommandTestRunner.note(request.output(), "[redyellow] " + e.getMessage().strip() + "\n[redyellow] running it as a"
                        + " process of its own instead\n");
                return perRun.run(request);
            }
            OutputLines lines = new OutputLines(SummaryParser.forCommand(argv.argv()), new LoadFailures());
            ProcessOutputTail tail = new ProcessOutputTail(TAIL_BYTES);
            OutputSink output = request.output();
            CommandTestRunner.noteOwnTests(output, argv);
            CommandTestRunner.note(output, "[redyellow] warm " + plan.get().key().kind().label() + " server " + server.id()
                    + " (run " + (server.runs() + 1) + ")\n");
            OutputSink both = (stream, bytes, offset, length) -> {
                lines.write(stream, bytes, offset, length);
                tail.append(bytes, offset, length);
                output.write(stream, bytes, offset, length);
            };
            long deadline = started + (settings.timeoutSeconds() > 0 ? Duration.ofSeconds(settings.timeoutSeconds()) : NO_LIMIT).toNanos();
            ScriptServer.Exchange exchange;
            try {
                exchange = server.run(request.workspace(), plan.get().args(), env, both, deadline);
            } catch (InterruptedException e) {
                pool.discard(server, "cancelled");
                throw e;
            }
            lines.finish();
            return verdict(exchange, server, settings, request, startedAt, lines, tail, skips, results);
        }
    }

    /** Gives the server back (or has it replaced) and judges the run as a process per run is judged. */
    private TestResult verdict(ScriptServer.Exchange exchange, ScriptServer server, TestSettings.Command settings,
                               TestRequest request, Instant startedAt, OutputLines lines, ProcessOutputTail tail,
                               PytestSkips skips, RunResults results) {
        if (exchange instanceof ScriptServer.TimedOut timedOut) {
            if (timedOut.serverKept()) {
                pool.giveBack(server);
            } else {
                pool.discard(server, "timeout");
            }
            return results.of(TestOutcome.TIMEOUT, TestTally.EMPTY, "timed out after " + settings.timeoutSeconds()
                    + " s; the test run was killed" + (timedOut.serverKept() ? "" : " with its warm server, which will be replaced"),
                    tail.toString());
        }
        if (exchange instanceof ScriptServer.Died died) {
            pool.discard(server, "crash");
            return results.of(TestOutcome.ERROR, TestTally.EMPTY, died.reason(), tail.toString());
        }
        server.keptState().ifPresent(why -> CommandTestRunner.note(request.output(), "[redyellow] the warm "
                + server.key().kind().label() + " server is not used again: " + why + "; the process keeps what that"
                + " loaded, so the next run gets a fresh server\n"));
        pool.giveBack(server);
        return CommandVerdict.of(((ScriptServer.Exited) exchange).exitCode(), tail.toString(), request.workspace(),
                settings.reports(), startedAt, lines, skips.read(), results);
    }

    /** Ends the servers. */
    @Override
    public void close() {
        pool.close();
    }
}
