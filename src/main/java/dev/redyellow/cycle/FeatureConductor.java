package dev.redyellow.cycle;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.Workspace;
import dev.redyellow.exec.WorkspaceFactory;
import dev.redyellow.implement.AttemptRequest;
import dev.redyellow.implement.AttemptResult;
import dev.redyellow.implement.FailureContext;
import dev.redyellow.implement.Implementer;
import dev.redyellow.implement.ReviewRequest;
import dev.redyellow.implement.Reviewer;
import dev.redyellow.implement.Verdict;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestRequest;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.TestRunner;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes one feature through the cycle of SPEC section 1: proves RED on a workspace without its
 * implementation, asks the implementer for attempts until a real test run passes (YELLOW), has the
 * passing attempt reviewed (GREEN, or back to RED with the feedback), and ends in a terminal state
 * with its reason whatever happens, an interrupt (CANCELLED) included. One instance per feature run.
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

    /** The parts a conductor works with. */
    public record Parts(WorkspaceFactory workspaces, TestRunner tests, Implementer implementer, Reviewer reviewer,
                        StepOutput output, boolean keepWorkspaces) {
    }

    private final Feature feature;
    private final FeatureLifecycle lifecycle;
    private final Limits limits;
    private final Parts parts;
    private final List<FileSet> dependencyLayers;
    private final Clock clock;
    private final List<AttemptRecord> history = new ArrayList<>();
    private final List<String> signatures = new ArrayList<>();
    private int testRuns;
    private TestResult lastResult;
    private FileSet accepted = FileSet.empty();

    /**
     * @param dependencyLayers the accepted files (code and tests) of every GREEN dependency, direct or
     *                         transitive, in dependency order
     */
    public FeatureConductor(Feature feature, FeatureLifecycle lifecycle, Limits limits, Parts parts,
                            List<FileSet> dependencyLayers, Clock clock) {
        this.feature = feature;
        this.lifecycle = lifecycle;
        this.limits = limits;
        this.parts = parts;
        this.dependencyLayers = List.copyOf(dependencyLayers);
        this.clock = clock;
    }

    /** Runs the cycle to a terminal state; never throws. */
    public FeatureOutcome conduct() {
        long start = clock.millis();
        try {
            if (proveRed()) {
                attemptUntilGreen();
            }
        } catch (InterruptedException e) {
            if (limits.timeout() != null && clock.millis() - start >= limits.timeout().toMillis()) {
                fail("timeout: the feature took longer than its limit of " + limits.timeout().toSeconds() + " s");
            } else {
                lifecycle.cancelIfRunning("cancelled: the run was stopped");
                Thread.currentThread().interrupt();
            }
        } catch (dev.redyellow.exec.TamperingException e) {
            fail(e.getMessage()); // a shared dependency folder was changed: see Workspace#tampering
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "feature " + feature.id() + " failed unexpectedly", e);
            fail("error: " + e);
        }
        double seconds = (clock.millis() - start) / 1000.0;
        return new FeatureOutcome(feature.id(), lifecycle.state(), lifecycle.reason(), history.size(), testRuns, 0,
                seconds, Optional.ofNullable(lastResult), lifecycle.transitions(), accepted, history);
    }

    private boolean proveRed() throws IOException, InterruptedException {
        TestResult red = runTests("red", 0, List.of());
        String counts = red.failed() + " of " + red.executed() + " tests failed";
        switch (red.outcome()) {
            case FAILED -> lifecycle.moveTo(FeatureState.RED, "red proved: " + counts + " without the implementation");
            case COMPILE_ERROR -> lifecycle.moveTo(FeatureState.RED,
                    "red proved: the tests do not compile without the implementation");
            case PASSED -> fail("red-violation: " + red.passed()
                    + " tests passed without the implementation, so they prove nothing");
            case NO_TESTS -> fail("no-tests: the RED run executed no test");
            case TIMEOUT -> fail("timeout: the RED run took longer than "
                    + feature.test().timeoutSeconds() + " s");
            case ERROR -> fail("error: the RED run could not be carried out: " + red.detail());
        }
        return lifecycle.state() == FeatureState.RED;
    }

    private void attemptUntilGreen() throws IOException, InterruptedException {
        Optional<FailureContext> previous = Optional.empty();
        for (int n = 1; n <= limits.maxAttempts(); n++) {
            previous = attempt(n, previous);
            if (lifecycle.state().isTerminal()) {
                return;
            }
        }
        FailureContext last = previous.orElseThrow();
        String why = last.reviewerFeedback() != null
                ? "review-rejected: the review rejected attempt " + last.attempt() + ": " + oneLine(last.reviewerFeedback())
                : "attempts-exhausted: " + limits.maxAttempts() + " attempts, the last " + summary(last.testResult());
        lifecycle.moveTo(FeatureState.FAILED, why);
    }

    /** One attempt; returns the failure context for the next one (the state says whether it ended). */
    private Optional<FailureContext> attempt(int n, Optional<FailureContext> previous)
            throws IOException, InterruptedException {
        Workspace ws = parts.workspaces().create(feature.id(), "attempt" + n, layers(List.of()));
        AttemptResult produced;
        parts.output().progress(feature.id(), n, "attempt " + n + ": asking the implementer");
        try (OutputSink out = parts.output().open(feature.id(), n, "implement")) {
            produced = parts.implementer().implement(new AttemptRequest(feature, n, ws.root(), previous, out));
        } finally {
            discard(ws);
        }
        ws.checkUntampered();
        if (produced instanceof AttemptResult.NoCode noCode) {
            history.add(new AttemptRecord(n, FileSet.empty(), Optional.empty(), Optional.empty(), noCode.reason()));
            if (noCode.exhausted()) {
                lifecycle.moveTo(FeatureState.FAILED, "attempts-exhausted: " + noCode.reason()
                        + previous.map(p -> "; the last " + summary(p.testResult())).orElse(""));
                return previous;
            }
            lifecycle.moveTo(FeatureState.RED, "attempt " + n + " produced no code: " + noCode.reason());
            return Optional.of(new FailureContext(n, previous.map(FailureContext::testResult).orElse(lastResult), null));
        }
        FileSet files = ((AttemptResult.Produced) produced).files();
        TestResult result = runTests("attempt" + n, n, List.of(files));
        return judge(n, files, result);
    }

    private Optional<FailureContext> judge(int n, FileSet files, TestResult result) throws IOException, InterruptedException {
        switch (result.outcome()) {
            case PASSED -> {
                lifecycle.moveTo(FeatureState.YELLOW, "attempt " + n + " passes: " + result.passed() + " tests passed");
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

    private Optional<FailureContext> review(int n, FileSet files, TestResult result) throws IOException, InterruptedException {
        Workspace ws = parts.workspaces().create(feature.id(), "review" + n, layers(List.of(files)));
        Verdict verdict;
        parts.output().progress(feature.id(), n, "attempt " + n + ": in review");
        try (OutputSink out = parts.output().open(feature.id(), n, "review")) {
            verdict = parts.reviewer().review(new ReviewRequest(feature, n, ws.root(), files, result, out));
        } finally {
            discard(ws);
        }
        history.add(new AttemptRecord(n, files, Optional.of(result), Optional.of(verdict), verdict.feedback()));
        if (verdict.approved()) {
            accepted = files;
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

    private TestResult runTests(String purpose, int attempt, List<FileSet> extra) throws IOException, InterruptedException {
        Workspace ws = parts.workspaces().create(feature.id(), purpose, layers(extra));
        parts.output().progress(feature.id(), attempt, (attempt == 0 ? "RED proof" : "attempt " + attempt)
                + ": running the tests");
        try (OutputSink out = parts.output().open(feature.id(), attempt, "test")) {
            TestRequest request = new TestRequest(ws.root(), feature.test(), List.copyOf(feature.tests().paths()), out);
            lastResult = parts.tests().run(request);
            testRuns++;
            ws.checkUntampered();
            return lastResult;
        } finally {
            discard(ws);
        }
    }

    /** Base comes from the factory; then the GREEN dependencies, the feature's tests, then {@code extra}. */
    private List<FileSet> layers(List<FileSet> extra) {
        List<FileSet> layers = new ArrayList<>(dependencyLayers);
        layers.add(feature.tests());
        layers.addAll(extra);
        return layers;
    }

    private void discard(Workspace ws) {
        if (parts.keepWorkspaces()) {
            return;
        }
        try {
            ws.delete();
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
                    + r.failures().stream().findFirst().map(c -> " (" + c.name() + ": " + oneLine(c.message()) + ")").orElse("");
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
