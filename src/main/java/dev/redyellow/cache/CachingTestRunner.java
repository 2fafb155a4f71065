package dev.redyellow.cache;

import dev.redyellow.exec.WorkspaceContent;
import dev.redyellow.exec.WorkspacePlan;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.TestRequest;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.TestRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the test cache in front of a test runner for one feature: a run on content seen before (the
 * RED proof included) is answered from the cache, anything else runs and is stored. It counts its
 * hits and remembers which results it served, for the report and the run history.
 */
public final class CachingTestRunner implements TestRunner {
    private final TestRunner runner;
    private final TestCache cache;
    private final FileHashes hashes;
    private final String featureId;
    private final Set<String> containedFeatures;
    private final Set<TestResult> served = Collections.newSetFromMap(new IdentityHashMap<>());
    private final java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * The key {@link #knows} computed for a plan, taken by the {@link #run(TestRequest, WorkspacePlan)}
     * that follows it for the same request: a cached re-run asks both for every test run, and the key
     * is most of what either costs.
     */
    private final java.util.Map<WorkspacePlan, Keyed> keyedPlans = Collections.synchronizedMap(new IdentityHashMap<>());

    private record Keyed(TestRequest request, CacheKey key) {
    }

    /** @param containedFeatures the features whose code the workspace holds besides this one */
    public CachingTestRunner(TestRunner runner, TestCache cache, FileHashes hashes, String featureId,
                             Set<String> containedFeatures) {
        this.runner = runner;
        this.cache = cache;
        this.hashes = hashes;
        this.featureId = featureId;
        this.containedFeatures = Set.copyOf(containedFeatures);
    }

    @Override
    public TestResult run(TestRequest request) throws InterruptedException {
        return lookupOrRun(request, folderKey(request), null);
    }

    private CacheKey folderKey(TestRequest request) {
        return CacheKey.of(runner.effectiveSettings(request.settings()), request.selectedTests(), request.featureId(),
                request.workspace(), hashes);
    }

    /**
     * The cached result for {@code key}, or a run's, kept unless {@code ws} (the run's workspace, when
     * known) finds the shared dependency folders changed: such a run is judged by that
     * ({@link dev.redyellow.exec.TamperingException}), and its result never kept.
     */
    private TestResult lookupOrRun(TestRequest request, CacheKey key, dev.redyellow.exec.Workspace ws)
            throws InterruptedException {
        Optional<TestResult> hit = trusted(cache.lookup(key));
        if (hit.isPresent()) {
            return served(request, key, hit.get());
        }
        return runAndKeep(request, key, ws);
    }

    private TestResult runAndKeep(TestRequest request, CacheKey key, dev.redyellow.exec.Workspace ws)
            throws InterruptedException {
        TestResult result = runner.run(request);
        if (ws != null) {
            ws.checkUntampered();
        }
        cache.store(key, featureId, containedFeatures, result);
        return result;
    }

    /**
     * As {@link #run(TestRequest)}, keyed on the plan's content where it is known (the base
     * snapshot's hashes and the layers', nothing read from disk), so a hit makes no workspace and
     * hashes nothing; the key is the one a walk of the made workspace gives. A command whose program
     * lies in the workspace ({@code .venv/bin/python}) is stamped there, so that workspace is made
     * first; its files are still keyed from the plan, not read and hashed again.
     */
    @Override
    public TestResult run(TestRequest request, WorkspacePlan plan) throws IOException, InterruptedException {
        Optional<WorkspaceContent> content = plan.content();
        if (content.isEmpty()) {
            dev.redyellow.exec.Workspace ws = plan.materialise();
            return lookupOrRun(request, folderKey(request), ws);
        }
        Keyed known = keyedPlans.remove(plan);
        CacheKey key = known != null && known.request() == request ? known.key() : planKey(request, plan, content.get());
        Optional<TestResult> hit = trusted(cache.lookup(key));
        if (hit.isPresent()) {
            return served(request, key, hit.get());
        }
        return runAndKeep(request, key, plan.materialise());
    }

    /** The key of a run of {@code request} on the plan's content. */
    private CacheKey planKey(TestRequest request, WorkspacePlan plan, WorkspaceContent content) throws IOException {
        TestSettings settings = runner.effectiveSettings(request.settings());
        if (CacheKey.needsFolder(settings)) {
            // the tool is stamped in the folder; the files are the plan's, known without reading them again
            return CacheKey.of(settings, request.selectedTests(), request.featureId(), plan.materialise().root(), content);
        }
        return CacheKey.of(settings, request.selectedTests(), request.featureId(), content);
    }

    @Override
    public boolean knows(TestRequest request, WorkspacePlan plan) throws IOException {
        Optional<WorkspaceContent> content = plan.content();
        if (content.isEmpty()) {
            return false;
        }
        CacheKey key = planKey(request, plan, content.get());
        keyedPlans.put(plan, new Keyed(request, key));
        return cache.holds(key);
    }

    /**
     * What an earlier RedYellow kept from a javac crash and took for a compile error (before 2026-12-07
     * a crash inside javac, which fails without an error, was kept as this one line): a miss, so the run
     * is made again and its true result replaces it.
     */
    static final String CRASH_KEPT_AS_COMPILE_ERROR = "compilation failed without an error message";

    private static Optional<TestResult> trusted(Optional<TestResult> hit) {
        return hit.filter(r -> !(r.outcome() == dev.redyellow.testing.TestOutcome.COMPILE_ERROR
                && CRASH_KEPT_AS_COMPILE_ERROR.equals(r.detail())));
    }

    private TestResult served(TestRequest request, CacheKey key, TestResult hit) {
        String note = "[redyellow] test result served from the cache (key " + key.sha256().substring(0, 12) + ", originally "
                + DurationText.tenths(hit.durationMillis()) + " s)" + System.lineSeparator();
        byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
        request.output().write(dev.redyellow.exec.OutputSink.Stream.STDOUT, bytes, 0, bytes.length);
        synchronized (served) {
            served.add(hit);
        }
        hits.incrementAndGet();
        return hit;
    }

    @Override
    public TestSettings effectiveSettings(TestSettings settings) {
        return runner.effectiveSettings(settings);
    }

    /** How many runs were answered from the cache. */
    public int hits() {
        return hits.get();
    }

    /** Whether this exact result object was served from the cache. */
    public boolean servedFromCache(TestResult result) {
        synchronized (served) {
            return served.contains(result);
        }
    }
}
