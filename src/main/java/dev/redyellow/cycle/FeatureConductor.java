package dev.redyellow.cycle;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.Workspace;
import dev.redyellow.exec.WorkspaceFactory;
import dev.redyellow.exec.WorkspacePlan;
import dev.redyellow.implement.AttemptRequest;
import dev.redyellow.implement.AttemptResult;
import dev.redyellow.implement.FailureContext;
import dev.redyellow.implement.Implementer;
import dev.redyellow.implement.ReviewRequest;
import dev.redyellow.implement.Reviewer;
import dev.redyellow.implement.Verdict;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.store.BlobStore;
import dev.redyellow.store.StoredFiles;
import dev.redyellow.testing.MutationRequest;
import dev.redyellow.testing.MutationResult;
import dev.redyellow.testing.StartWaits;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestRequest;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.TestRunner;
import dev.redyellow.testing.worker.SkipOrigin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes one feature through the cycle of SPEC section 1: proves RED on a workspace without its
 * implementation, asks the implementer for attempts until a real test run passes (YELLOW), has the
 * passing attempt reviewed (GREEN, or back to RED with the feedback), and ends in a terminal state
 * with its reason whatever happens, an interrupt (CANCELLED) included.
 *
 * <p>A run that fails because it needs code another feature writes does not count: the conductor
 * {@linkplain Step.Parked parks} (the run records the discovered edge), and {@link #conduct()} is
 * called again once that code is there, re-running the same attempt's code. When an attempt's run
 * found such code, RED was proved without it: the proof is made again with it first, as the next
 * run, knowing the edge, makes it. One instance per feature and run; {@code conduct} is called from
 * one thread at a time.
 */
public final class FeatureConductor {
    private static final System.Logger LOG = System.getLogger(FeatureConductor.class.getName());

    /**
     * The budget of one feature. {@code timeout} is the longest it may take ({@code null}: no limit);
     * the run interrupts a feature that exceeds it, and the conductor then ends it FAILED with
     * reason {@code timeout} rather than CANCELLED.
     */
    public record Limits(int maxAttempts, int stagnationLimit, java.time.Duration timeout) {
    }

    /**
     * The parts a conductor works with.
     *
     * @param dependencies what the GREEN dependencies put in a workspace, as it is when one is made
     * @param store        the run's code store: every attempt's files are kept there, not in memory
     * @param mutation     whether a passing attempt's mutation score is measured (and gated) before review
     * @param slots        the run's test slots: every test run takes one, and a prepared first attempt, or
     *                     the attempt kept over a wait, is tested beside the RED proof in a free one
     */
    public record Parts(WorkspaceFactory workspaces, TestRunner tests, Implementer implementer, Reviewer reviewer,
                        StepOutput output, boolean keepWorkspaces, DependencyFiles dependencies,
                        DependencyDiscovery discovery, BlobStore store, MutationCheck mutation, TestSlots slots) {
        /** Parts that measure no mutation score and run a feature's tests one after another. */
        public Parts(WorkspaceFactory workspaces, TestRunner tests, Implementer implementer, Reviewer reviewer,
                     StepOutput output, boolean keepWorkspaces, DependencyFiles dependencies,
                     DependencyDiscovery discovery, BlobStore store) {
            this(workspaces, tests, implementer, reviewer, output, keepWorkspaces, dependencies, discovery, store,
                    MutationCheck.OFF, TestSlots.unlimited());
        }
    }

    /** What one call of {@link #conduct()} came to. */
    public sealed interface Step {
        /** The feature reached a terminal state. */
        record Finished(FeatureOutcome outcome) implements Step {
        }

        /**
         * The feature waits (no transition is recorded; {@code finding} says for what) and is to be
         * conducted again when that is settled.
         */
        record Parked(DependencyDiscovery.Finding finding) implements Step {
        }
    }

    private final Feature feature;
    private final FeatureLifecycle lifecycle;
    private final Limits limits;
    private final Parts parts;
    private final Clock clock;
    private final List<AttemptRecord> history = new ArrayList<>();
    private final List<String> signatures = new ArrayList<>();
    private int testRuns;
    private TestResult lastResult;
    private StoredFiles accepted = StoredFiles.empty();
    private long activeMillis;
    private boolean redProved;
    /** The number of the attempt under way or next. */
    private int attempt = 1;
    private Optional<FailureContext> previous = Optional.empty();
    /** The current attempt's files while they wait for a test run that counts; null when none. */
    private StoredFiles pending;
    /** Whether {@link #pending} was kept over a wait, which may have brought dependencies (and their tests). */
    private boolean keptOverWait;
    /** The mutation score of the last passing attempt, when measured. */
    private MutationResult mutation;
    /** The implementer's answer for the current attempt, asked for early and not yet taken; null when none. */
    private AttemptResult asked;
    /** An attempt's test run, made beside the RED proof once that proved RED; null when none. */
    private Run ahead;
    /** An attempt's test run going on beside the RED proof ({@link #testAttemptBeside}); null when none. */
    private TestSlots.Beside<Run> besideRed;

    public FeatureConductor(Feature feature, FeatureLifecycle lifecycle, Limits limits, Parts parts, Clock clock) {
        this.feature = feature;
        this.lifecycle = lifecycle;
        this.limits = limits;
        this.parts = parts;
        this.clock = clock;
    }

    /**
     * Runs the cycle until the feature ends or has to wait for another feature's code; never throws.
     * After {@link Step.Parked}, calling it again carries on where it stopped.
     */
    public Step conduct() {
        return conduct(() -> false);
    }

    /**
     * As {@link #conduct()}; {@code timeUp} says whether an interrupt came from the feature's time
     * limit (the caller's alarm fired). Without it the conductor would judge by its own clock, which
     * starts after the caller's alarm and so reads a little under the limit when the alarm fires: a
     * feature over its time then ended CANCELLED instead of FAILED on a loaded machine.
     */
    public Step conduct(java.util.function.BooleanSupplier timeUp) {
        long start = clock.millis();
        StartWaits.takeMillis(); // what this thread waited for before is not this feature's
        try {
            Optional<DependencyDiscovery.Finding> waiting = redProved ? Optional.empty() : proveRed();
            if (waiting.isEmpty() && !lifecycle.state().isTerminal()) {
                waiting = attemptUntilGreen();
            }
            if (waiting.isPresent()) {
                return new Step.Parked(waiting.get());
            }
        } catch (InterruptedException e) {
            if (timeUp.getAsBoolean()
                    || limits.timeout() != null && clock.millis() - start >= limits.timeout().toMillis()) {
                fail("timeout: the feature took longer than its limit of " + limits.timeout().toSeconds() + " s");
            } else {
                lifecycle.cancelIfRunning("cancelled: the run was stopped");
                Thread.currentThread().interrupt();
            }
        } catch (dev.redyellow.exec.TamperingException e) {
            fail(e.getMessage()); // a shared dependency folder was changed: see Workspace#tampering
        } catch (IOException | RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            LOG.log(System.Logger.Level.ERROR, "feature " + feature.id() + " failed unexpectedly", e);
            fail("error: " + e);
        } catch (VirtualMachineError e) {
            // out of memory, say: no verdict, and the feature must not be left as it was (PENDING, RED) for
            // its dependents to read as one; the engine stops the run (RunEngine): other threads' allocations
            // fail too
            LOG.log(System.Logger.Level.ERROR, "feature " + feature.id() + ": " + e, e);
            fail("error: " + outOfResources(e));
            throw e;
        } finally {
            // waits for a warm test process to start are the run's set-up, not this feature's work (StartWaits)
            activeMillis += Math.max(0, clock.millis() - start - StartWaits.takeMillis());
        }
        return new Step.Finished(outcome());
    }

    /** What a {@link VirtualMachineError} on this feature's thread says, in words a user can act on. */
    public static String outOfResources(VirtualMachineError e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof OutOfMemoryError && (message.contains("Java heap space") || message.contains("GC overhead"))) {
            return "RedYellow ran out of memory (" + message + "; its heap is at most "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB): no verdict; run it again with a larger"
                    + " heap (JAVA_TOOL_OPTIONS=-Xmx...) or fewer workers";
        }
        return "RedYellow's JVM failed (" + e + "): no verdict";
    }

    /**
     * The feature as it stands: attempts are those judged on their own code (a run that only waited
     * for another feature is not one), seconds the time it spent running, waits excluded (for other features, and for warm test processes to start).
     */
    public FeatureOutcome outcome() {
        return new FeatureOutcome(feature.id(), lifecycle.state(), lifecycle.reason(), history.size(), testRuns, 0,
                activeMillis / 1000.0, Optional.ofNullable(lastResult), lifecycle.transitions(), accepted, history,
                Optional.ofNullable(mutation));
    }

    /**
     * Proves RED; returns what the feature waits for when the proof needs another feature's code first.
     * A first attempt prepared in advance is tested beside the proof when a test slot is free: its
     * result is taken once RED is proved, and set aside (the run stopped) when it is not.
     */
    private Optional<DependencyDiscovery.Finding> proveRed() throws IOException, InterruptedException {
        besideRed = null;
        boolean taken = false;
        try {
            Optional<DependencyDiscovery.Finding> waiting = proveRedAlone();
            TestSlots.Beside<Run> first = besideRed;
            if (first != null && redProved) {
                Run run = take(first); // null when a conductor needed its slot: the attempt is then tested in turn
                taken = true;
                if (pending != null) {
                    ahead = run; // the attempt kept over the wait, checked when the wait ended
                } else if (produce() && run != null) {
                    ahead = run; // the same answer the run tested, checked again now
                }
            }
            return waiting;
        } finally {
            if (besideRed != null && !taken) {
                besideRed.stop();
            }
            besideRed = null;
        }
    }

    /** The run beside's result; {@code null} when it was pre-empted. */
    private static Run take(TestSlots.Beside<Run> beside) throws IOException, InterruptedException {
        try {
            return beside.get();
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts an attempt's test run beside the RED proof ({@link #besideRed}), once the proof has its
     * slot, when another slot is free now: the attempt kept over a wait, whose RED proof is made again
     * with the code of the dependencies found, or the first attempt when the implementer prepared its
     * attempts in advance. Otherwise the attempt is tested in turn.
     */
    private void testAttemptBeside() throws IOException, InterruptedException {
        if (pending != null) {
            FileSet files = pending.restore();
            if (!changedTests(files).isEmpty()) {
                return; // rewrites a test of a dependency found meanwhile: recorded once RED is proved
            }
            int n = attempt;
            List<FileSet> layers = layers(List.of(files));
            besideRed = parts.slots().beside("redyellow-" + feature.id() + "-attempt" + n, () -> runTests(
                    "attempt" + n, n, layers, "[redyellow] attempt " + n + " waited for a dependency found while"
                            + " running: tested again beside the RED proof made again with that code, its result"
                            + " counts only once RED is proved\n"));
        } else if (attempt == 1 && parts.implementer().preparedInAdvance()) {
            besideRed = firstAttemptBeside();
        }
    }

    private TestSlots.Beside<Run> firstAttemptBeside() throws IOException, InterruptedException {
        if (asked == null) {
            asked = ask(attempt);
        }
        // The answer stays in asked, not pending, until RED is proved: produce() then checks it against
        // the tests of the dependencies as they are then (a proof that waits may bring a new one).
        if (!(asked instanceof AttemptResult.Produced produced) || !changedTests(produced.files()).isEmpty()) {
            return null; // no code or rewritten tests: recorded in turn, once RED is proved
        }
        List<FileSet> layers = layers(List.of(produced.files()));
        return parts.slots().beside("redyellow-" + feature.id() + "-attempt1", () -> runTests("attempt1", 1, layers,
                "[redyellow] attempt 1 was prepared in advance: tested beside the RED proof, its result counts only"
                        + " once RED is proved\n"));
    }

    private Optional<DependencyDiscovery.Finding> proveRedAlone() throws IOException, InterruptedException {
        Run red = test("red", 0, List.of(), this::testAttemptBeside);
        TestResult result = red.result();
        String counts = result.failed() + " of " + result.executed() + " tests failed";
        switch (result.outcome()) {
            case FAILED, COMPILE_ERROR -> {
                DependencyDiscovery.Finding finding = parts.discovery().examine(feature.id(),
                        DependencyDiscovery.Phase.RED, result, red.workspace());
                Optional<String> waitReason = waitReason(finding);
                if (waitReason.isPresent()) {
                    return park(0, finding, waitReason.get());
                }
                if (finding instanceof DependencyDiscovery.Finding.Cycle c) {
                    fail("dependency-cycle: " + c.reason());
                } else if (finding instanceof DependencyDiscovery.Finding.Base b) {
                    fail("error: the RED run proves nothing: the tests miss " + String.join(", ", b.names())
                            + ", which only the base writes, and the base is there: " + summary(result));
                } else {
                    redProved(result, counts, finding instanceof DependencyDiscovery.Finding.Own own
                            ? own.names() : List.of());
                }
            }
            case PASSED -> fail("red-violation: " + result.passed()
                    + " tests passed without the implementation, so they prove nothing");
            case NO_TESTS -> fail("no-tests: the RED run executed no test");
            case TIMEOUT -> fail("timeout: the RED run took longer than "
                    + feature.test().timeoutSeconds() + " s");
            case ERROR -> fail("error: the RED run could not be carried out: " + result.detail());
        }
        redProved = lifecycle.state() == FeatureState.RED;
        return Optional.empty();
    }

    /**
     * A RED proof is a test of the feature that ran and failed, or code that does not compile or
     * import because the feature's own names are missing; anything else proves nothing.
     */
    private void redProved(TestResult result, String counts, List<String> ownNames) {
        String missing = ownNames.isEmpty() ? "" : " (missing: " + String.join(", ", ownNames) + ")";
        if (result.outcome() == TestOutcome.FAILED && result.failed() > 0) {
            proved("red proved: " + counts + " without the implementation" + missing);
        } else if (result.outcome() == TestOutcome.COMPILE_ERROR && !ownNames.isEmpty()) {
            proved("red proved: the tests do not compile or load without the implementation" + missing);
        } else if (result.outcome() == TestOutcome.COMPILE_ERROR) {
            fail("error: the RED run proves nothing: the tests do not compile, and not for want of the feature's "
                    + "own code: " + summary(result));
        } else {
            fail("error: the RED run proves nothing: it failed with no failing test (" + summary(result) + ")");
        }
    }

    /**
     * Records a RED proof: the move from PENDING, or, for a proof made again once a dependency found
     * while running is GREEN, a note and a progress line (the state stays RED: SPEC section 1 has no
     * transition for it).
     */
    private void proved(String why) {
        if (lifecycle.state() == FeatureState.RED) {
            String again = why + ", again with the code of the dependencies found while running";
            lifecycle.note(again); // no transition: the proof is in the progress output and the log
            parts.output().progress(feature.id(), 0, again);
        } else {
            lifecycle.moveTo(FeatureState.RED, why);
        }
    }

    /** Attempts until a terminal state; returns what the feature waits for when it has to wait. */
    private Optional<DependencyDiscovery.Finding> attemptUntilGreen() throws IOException, InterruptedException {
        while (attempt <= limits.maxAttempts()) {
            // an attempt kept over a wait that brought dependencies: their tests are read-only for it
            // now too (checked once RED is proved again, as the next run checks it after its proof)
            boolean none = pending == null ? !produce() : keptOverWait && rewritesTests(attempt, pending);
            keptOverWait = false;
            if (none) {
                pending = null;
                if (lifecycle.state().isTerminal()) {
                    return Optional.empty();
                }
                attempt++;
                continue;
            }
            Run run;
            if (ahead != null) {
                run = ahead;
                ahead = null;
                counted(run);
            } else {
                run = test("attempt" + attempt, attempt, List.of(pending.restore()), null);
            }
            TestResult result = run.result();
            if (result.outcome() == TestOutcome.COMPILE_ERROR || result.outcome() == TestOutcome.FAILED) {
                DependencyDiscovery.Finding finding = parts.discovery().examine(feature.id(),
                        DependencyDiscovery.Phase.ATTEMPT, result, run.workspace());
                Optional<String> waitReason = waitReason(finding);
                if (waitReason.isPresent()) {
                    if (finding instanceof DependencyDiscovery.Finding.Waiting) {
                        // The RED proof was made without the features found now; it is made again with
                        // their code before this attempt is tested again, as the next run makes it: the
                        // workspace a RED proof runs in holds the code of all the feature's dependencies.
                        redProved = false;
                    }
                    return park(attempt, finding, waitReason.get());
                }
                if (finding instanceof DependencyDiscovery.Finding.Cycle c) {
                    history.add(new AttemptRecord(attempt, pending, Optional.of(result), Optional.empty(), c.reason()));
                    fail("dependency-cycle: " + c.reason());
                    return Optional.empty();
                }
            }
            StoredFiles files = pending;
            pending = null;
            previous = judge(attempt, files, result);
            if (lifecycle.state().isTerminal()) {
                return Optional.empty();
            }
            attempt++;
        }
        FailureContext last = previous.orElseThrow();
        String why = last.reviewerFeedback() != null
                ? "review-rejected: the review rejected attempt " + last.attempt() + ": " + oneLine(last.reviewerFeedback())
                : "attempts-exhausted: " + limits.maxAttempts() + " attempts, the last "
                + (last.tested() ? last.rejection() : untested(last).orElseGet(() -> summary(last.testResult())));
        lifecycle.moveTo(FeatureState.FAILED, why);
        return Optional.empty();
    }

    /**
     * Why the last attempt was turned away untested (it changed a test, a file that governs the runner); empty when
     * it was tested. Its test result is the run before it (the RED proof's, say), which says nothing of it (found by
     * the review: the reason said "did not compile" of an attempt refused for tampering).
     */
    private static Optional<String> untested(FailureContext last) {
        return last.rejection() == null || last.rejection().isBlank() ? Optional.empty()
                : Optional.of("was turned away untested: " + last.rejection());
    }

    private static Optional<String> waitReason(DependencyDiscovery.Finding finding) {
        if (finding instanceof DependencyDiscovery.Finding.Waiting w) {
            return Optional.of(w.reason());
        }
        if (finding instanceof DependencyDiscovery.Finding.AwaitingWriter w) {
            return Optional.of(w.reason());
        }
        return Optional.empty();
    }

    /** Records why the feature waits (no transition: SPEC section 1) and hands the finding back. */
    private Optional<DependencyDiscovery.Finding> park(int n, DependencyDiscovery.Finding finding, String reason) {
        keptOverWait = pending != null;
        lifecycle.note(reason);
        parts.output().progress(feature.id(), n, reason);
        return Optional.of(finding);
    }

    /**
     * Asks the implementer for attempt {@link #attempt}; returns whether it produced files (then
     * {@link #pending}). When it did not, the state says whether that ended the feature.
     */
    private boolean produce() throws IOException, InterruptedException {
        int n = attempt;
        AttemptResult produced = asked != null ? asked : ask(n);
        asked = null;
        if (produced instanceof AttemptResult.NoCode noCode) {
            history.add(new AttemptRecord(n, StoredFiles.empty(), Optional.empty(), Optional.empty(), noCode.reason()));
            if (noCode.exhausted()) {
                lifecycle.moveTo(FeatureState.FAILED, "attempts-exhausted: " + noCode.reason()
                        + previous.map(p -> "; the last " + summary(p.testResult())).orElse(""));
                return false;
            }
            lifecycle.moveTo(FeatureState.RED, "attempt " + n + " produced no code: " + noCode.reason());
            previous = Optional.of(new FailureContext(n, previous.map(FailureContext::testResult).orElse(lastResult), null,
                    "it produced no code: " + noCode.reason()));
            return false;
        }
        FileSet files = ((AttemptResult.Produced) produced).files();
        StoredFiles stored = StoredFiles.keep(files, parts.store());
        if (rewritesTests(n, files, stored)) {
            return false;
        }
        pending = stored;
        return true;
    }

    /**
     * Tests are the judge: an attempt that rewrites them (its own or a dependency's) fails, untested,
     * and its files never reach a dependent. Records attempt {@code n} so when {@code files} change a
     * test, and says whether they do.
     */
    private boolean rewritesTests(int n, StoredFiles stored) {
        return rewritesTests(n, stored.restore(), stored);
    }

    private boolean rewritesTests(int n, FileSet files, StoredFiles stored) {
        List<String> changedTests = changedTests(files);
        if (changedTests.isEmpty()) {
            return false;
        }
        // the files that govern the test runner are the tests' too; each is named with what it is to the runner
        String why = "tampering: changed test files, which are read-only for the implementer: "
                + String.join(", ", changedTests);
        history.add(new AttemptRecord(n, stored, Optional.empty(), Optional.empty(), why));
        lifecycle.moveTo(FeatureState.RED, "attempt " + n + " " + why);
        previous = Optional.of(new FailureContext(n, previous.map(FailureContext::testResult).orElse(lastResult), null, why));
        return true;
    }

    /** Asks the implementer for attempt {@code n}; records nothing. */
    private AttemptResult ask(int n) throws IOException, InterruptedException {
        Workspace ws = parts.implementer().readsWorkspace()
                ? parts.workspaces().create(feature.id(), "attempt" + n, layers(List.of())) : null;
        AttemptResult produced;
        parts.output().progress(feature.id(), n, "attempt " + n + ": asking the implementer");
        try (OutputSink out = parts.output().open(feature.id(), n, "implement")) {
            produced = parts.implementer().implement(new AttemptRequest(feature, n, ws == null ? null : ws.root(),
                    previous, out));
        } finally {
            discard(ws);
        }
        if (ws != null) {
            ws.checkUntampered();
        }
        return produced;
    }

    /**
     * The test files (the feature's own or its dependencies') that {@code files} changes, and the files
     * it writes that govern the test runner ({@link RunnerFiles}), each with what it is to the runner.
     */
    private List<String> changedTests(FileSet files) {
        List<String> changed = new ArrayList<>();
        for (String p : files.paths()) {
            boolean test = feature.tests().contains(p) || parts.dependencies().testPaths().contains(p);
            if (test || RunnerFiles.role(p).isPresent() && !inBase(p, files.bytes(p))) {
                if (!java.util.Arrays.equals(files.bytes(p), originalTest(p))) {
                    changed.add(RunnerFiles.role(p).filter(role -> !test).map(role -> p + " (" + role + ")").orElse(p));
                }
            } else if (RunnerSettings.mayHold(p)) {
                // a project file with the runner's part in it: that part is the tests', the rest is the feature's
                RunnerSettings.changed(p, withoutAttempt(p), files.bytes(p), testCommand())
                        .ifPresent(role -> changed.add(p + " (" + role + ")"));
            }
        }
        changed.sort(null);
        return changed;
    }

    /** The file at {@code path} as the workspace holds it without the attempt: an accepted dependency's, else the base's. */
    private byte[] withoutAttempt(String path) {
        byte[] found = originalTest(path);
        if (found != null) {
            return found;
        }
        try {
            return parts.workspaces().baseBytes(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the base's " + path + " to compare the attempt's with it", e);
        }
    }

    private List<String> testCommand() {
        return feature.test() instanceof TestSettings.Command command ? command.command() : List.of();
    }

    /** Whether the base has this very file: an attempt that writes it again changes nothing. */
    private boolean inBase(String path, byte[] bytes) {
        try {
            return parts.workspaces().baseHas(path, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the base to compare " + path + " with it", e);
        }
    }

    /** The content a test path has in the feature's tests or its dependencies' files. */
    private byte[] originalTest(String path) {
        if (feature.tests().contains(path)) {
            return feature.tests().bytes(path);
        }
        byte[] found = null;
        for (FileSet layer : parts.dependencies().layers()) {
            if (layer.contains(path)) {
                found = layer.bytes(path);
            }
        }
        return found;
    }

    /**
     * The places by which runners name the code this attempt wrote, without any test ({@link SkipOrigin#placeOf}).
     * Only the attempt's: a skip from an accepted dependency's code is nothing this feature's implementer can
     * change, so it stays a skip (every attempt would be refused for it).
     */
    private Set<String> writtenPlaces(StoredFiles files) {
        Set<String> places = new TreeSet<>();
        FileSet written = files.restore();
        for (String path : written.paths()) {
            // a file written back as the base has it (a conftest.py, allowed as unchanged) is the base's, not the attempt's
            if (!feature.tests().contains(path) && !parts.dependencies().testPaths().contains(path)
                    && !inBase(path, written.bytes(path))) {
                // only a Java source's text is read: its package says by which folders a frame names it
                places.add(path.endsWith(".java")
                        ? SkipOrigin.placeOf(path, new String(written.bytes(path), StandardCharsets.UTF_8)) : path);
            }
        }
        return places;
    }

    private Optional<FailureContext> judge(int n, StoredFiles files, TestResult result) throws IOException, InterruptedException {
        switch (result.outcome()) {
            case PASSED -> {
                Optional<String> dodged = result.skipped() == 0 ? Optional.empty()
                        : ImplementationSkips.reason(result, writtenPlaces(files));
                if (dodged.isPresent()) {
                    // no pass (SPEC: skipped tests never count as one): a failed attempt, told why
                    history.add(new AttemptRecord(n, files, Optional.of(result), Optional.empty(), dodged.get()));
                    lifecycle.moveTo(FeatureState.RED, "attempt " + n + " " + dodged.get());
                    signatures.clear(); // a run that failed no test: the failures before it are no longer consecutive
                    return Optional.of(FailureContext.noPass(n, result, dodged.get()));
                }
                lifecycle.moveTo(FeatureState.YELLOW, "attempt " + n + " passes: " + result.passed() + " tests passed");
                if (!strongEnough(n, files, result)) {
                    return Optional.empty();
                }
                return review(n, files, result);
            }
            case NO_TESTS -> {
                history.add(new AttemptRecord(n, files, Optional.of(result), Optional.empty(), "no tests ran"));
                lifecycle.moveTo(FeatureState.FAILED, "no-tests: attempt " + n + " ran no test");
                return Optional.empty();
            }
            case ERROR -> {
                history.add(new AttemptRecord(n, files, Optional.of(result), Optional.empty(), result.detail()));
                lifecycle.moveTo(FeatureState.FAILED, "error: the tests of attempt " + n + " could not be run: " + result.detail());
                return Optional.empty();
            }
            case FAILED, COMPILE_ERROR, TIMEOUT -> {
                history.add(new AttemptRecord(n, files, Optional.of(result), Optional.empty(), summary(result)));
                lifecycle.moveTo(FeatureState.RED, "attempt " + n + " " + summary(result));
                checkStagnation(result);
                return Optional.of(new FailureContext(n, result, null));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Measures the passing attempt's mutation score when the run asks for it; returns false when that
     * ended the feature: a score under the minimum (weak-tests: the tests are read-only, so no
     * attempt could fix it), or a gate that could not be checked.
     */
    private boolean strongEnough(int n, StoredFiles stored, TestResult result) throws IOException, InterruptedException {
        if (!parts.mutation().enabled()) {
            return true;
        }
        FileSet files = stored.restore();
        WorkspacePlan plan = parts.workspaces().plan(feature.id(), "mutation" + n, layers(List.of(files)));
        Workspace ws = plan.materialise();
        parts.output().progress(feature.id(), n, "attempt " + n + ": measuring the tests' mutation score");
        try (OutputSink out = parts.output().open(feature.id(), n, "mutation")) {
            MutationRequest request = new MutationRequest(ws.root(), feature.test(), parts.mutation().settings(),
                    List.copyOf(feature.tests().paths()), List.copyOf(files.paths()), out, feature.id(), baseFiles(plan),
                    ws::checkUntampered);
            mutation = inSlot(() -> parts.mutation().tester().measure(request)); // its test runs are test runs too
            ws.checkUntampered(); // a mutation tool is a command the manifest chose, like the tests
        } finally {
            discard(ws);
        }
        String weak = parts.mutation().weakTests(mutation);
        if (weak != null) {
            history.add(new AttemptRecord(n, stored, Optional.of(result), Optional.empty(), weak));
            lifecycle.moveTo(FeatureState.FAILED, weak);
            return false;
        }
        if (mutation.status() == MutationResult.Status.ERROR && parts.mutation().settings().minScore().isPresent()) {
            history.add(new AttemptRecord(n, stored, Optional.of(result), Optional.empty(), mutation.detail()));
            fail("error: the mutation score could not be measured: " + oneLine(mutation.detail()));
            return false;
        }
        return true;
    }

    private Optional<FailureContext> review(int n, StoredFiles stored, TestResult result) throws IOException, InterruptedException {
        FileSet files = stored.restore();
        Workspace ws = parts.reviewer().readsWorkspace()
                ? parts.workspaces().create(feature.id(), "review" + n, layers(List.of(files))) : null;
        Verdict verdict;
        parts.output().progress(feature.id(), n, "attempt " + n + ": in review");
        try (OutputSink out = parts.output().open(feature.id(), n, "review")) {
            verdict = parts.reviewer().review(new ReviewRequest(feature, n, ws == null ? null : ws.root(), files,
                    result, out));
        } finally {
            discard(ws);
        }
        history.add(new AttemptRecord(n, stored, Optional.of(result), Optional.of(verdict), verdict.feedback()));
        if (verdict.approved()) {
            accepted = stored;
            lifecycle.moveTo(FeatureState.GREEN, "approved: " + oneLine(verdict.feedback()));
            return Optional.empty();
        }
        signatures.clear();
        lifecycle.moveTo(FeatureState.RED, "review rejected attempt " + n + ": " + oneLine(verdict.feedback()));
        return Optional.of(new FailureContext(n, result, verdict.feedback()));
    }

    private void checkStagnation(TestResult result) {
        // Each attempt runs in its own folder; runners quote it in messages, and that must not hide
        // that two attempts failed the same way.
        String workspaces = java.util.regex.Pattern.quote(parts.workspaces().workspacesDir().toString());
        signatures.add(result.failureSignature().replaceAll(workspaces + "[/\\\\][^/\\\\\\s]+", "<workspace>"));
        int k = limits.stagnationLimit();
        if (signatures.size() < k) {
            return;
        }
        List<String> recent = signatures.subList(signatures.size() - k, signatures.size());
        if (recent.stream().distinct().count() == 1) {
            lifecycle.moveTo(FeatureState.FAILED, "stagnated: " + k + " consecutive attempts failed the same way ("
                    + summary(result) + ")");
        }
    }

    /** Which files of the planned workspace are the base's and the GREEN dependencies', unchanged. */
    private Optional<dev.redyellow.exec.BaseFiles> baseFiles(WorkspacePlan plan) {
        return plan.baseFiles().flatMap(base -> plan.content().map(content -> {
            DependencyFiles.Layered layered = parts.dependencies().layered();
            return base.withDependencies(content, layered.layers(), layered.needs());
        }));
    }

    /** A test run and the workspace it ran in (gone by now, but named in its diagnostics). */
    private record Run(TestResult result, Path workspace) {
    }

    /** Something done in a test run's slot before the run. */
    private interface InSlot {
        void run() throws IOException, InterruptedException;
    }

    /**
     * Runs the tests on a workspace of {@code extra} in a test slot and counts the run; {@code
     * unknown} is done first when the run really runs (the test cache does not already know its result).
     */
    private Run test(String purpose, int attempt, List<FileSet> extra, InSlot unknown) throws IOException, InterruptedException {
        List<FileSet> layers = layers(extra);
        Run run = inSlot(() -> runTests(purpose, attempt, layers, null, unknown));
        counted(run);
        return run;
    }

    private void counted(Run run) {
        lastResult = run.result();
        testRuns++;
    }

    /**
     * One test run on a workspace of {@code layers} over the base; touches no field of the conductor,
     * so it may run beside it. {@code note}, if any, opens the step's log.
     */
    /** Does {@code work} in one of the run's test slots ({@link TestSlots#run}). */
    private <T> T inSlot(java.util.concurrent.Callable<T> work) throws IOException, InterruptedException {
        try {
            return parts.slots().run(work);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Run runTests(String purpose, int attempt, List<FileSet> layers, String note)
            throws IOException, InterruptedException {
        return runTests(purpose, attempt, layers, note, null);
    }

    private Run runTests(String purpose, int attempt, List<FileSet> layers, String note, InSlot unknown)
            throws IOException, InterruptedException {
        // planned, not made: a result the test cache knows for this content needs no folder
        WorkspacePlan plan = parts.workspaces().plan(feature.id(), purpose, layers);
        parts.output().progress(feature.id(), attempt, (attempt == 0 ? "RED proof" : "attempt " + attempt)
                + ": running the tests");
        try (OutputSink out = parts.output().open(feature.id(), attempt, "test")) {
            if (note != null) {
                write(out, note);
            }
            TestRequest request = new TestRequest(plan.root(), settingsFor(attempt), List.copyOf(feature.tests().paths()), out,
                    feature.id(), baseFiles(plan));
            if (unknown != null && !parts.tests().knows(request, plan)) {
                // the RED proof of a cached feature is answered at once: a run beside it would be thrown away
                // whenever the proof fails (and taken from the cache too, when it does not)
                unknown.run();
            }
            TestResult result;
            try {
                result = parts.tests().run(request, plan);
            } catch (InterruptedException e) {
                write(out, "\n[redyellow] stopped before it ended" + (note == null ? ""
                        : ": it was tested beside the RED proof, and the proof failed or waits, or a feature needed its"
                        + " test slot; this run does not count") + "\n");
                throw e;
            }
            if (result.outcome() == TestOutcome.TIMEOUT || result.outcome() == TestOutcome.ERROR) {
                // a hung test may print nothing: the step's log still says how it ended
                write(out, "\n[redyellow] " + result.outcome() + ": " + result.detail() + "\n");
            }
            plan.made().ifPresent(Workspace::checkUntampered);
            return new Run(result, plan.root());
        } finally {
            plan.made().ifPresent(this::discard);
        }
    }

    /**
     * The test settings of a run: the RED proof ({@code attempt} 0) runs the feature's own tests even where
     * the manifest re-runs the dependencies' tests too, so that only a failure of the feature's own tests
     * proves RED (a dependency's test failing in its workspace proved it before). Where the argv names no
     * runner RedYellow knows, it runs as written either way.
     */
    private TestSettings settingsFor(int attempt) {
        return attempt == 0 && feature.test() instanceof TestSettings.Command command
                && command.rerunDependencyTests() ? command.ownTestsOnly() : feature.test();
    }

    private static void write(OutputSink out, String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(OutputSink.Stream.STDERR, bytes, 0, bytes.length);
    }

    /** Base comes from the factory; then the GREEN dependencies, the feature's tests, then {@code extra}. */
    private List<FileSet> layers(List<FileSet> extra) {
        List<FileSet> layers = new ArrayList<>(parts.dependencies().layers());
        layers.add(feature.tests());
        layers.addAll(extra);
        return layers;
    }

    private void discard(Workspace ws) {
        if (ws == null || parts.keepWorkspaces()) {
            return;
        }
        try {
            ws.release();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove workspace " + ws.root() + ": " + e);
        }
    }

    private void fail(String reason) {
        if (lifecycle.state().isTerminal()) {
            return;
        }
        if (lifecycle.state() == FeatureState.YELLOW) {
            lifecycle.moveTo(FeatureState.RED, "review could not complete");
        }
        lifecycle.moveTo(FeatureState.FAILED, reason);
    }

    static String summary(TestResult r) {
        return switch (r.outcome()) {
            case PASSED -> "passed " + r.passed() + " tests";
            case FAILED -> "failed " + r.failed() + " of " + r.executed() + " tests"
                    + r.failures().stream().findFirst().map(c -> " (" + c.name() + ": " + oneLine(c.message()) + ")")
                            // no failed test: the detail says what failed (outside the tests, a run that did not end)
                            .orElse(r.detail().isBlank() ? "" : ": " + oneLine(r.detail()));
            case COMPILE_ERROR -> "did not compile: " + oneLine(r.detail());
            case NO_TESTS -> "ran no test";
            case TIMEOUT -> "timed out";
            case ERROR -> "could not run: " + oneLine(r.detail());
        };
    }

    static String oneLine(String s) {
        String flat = s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " | ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
