package dev.redyellow.cache;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.Mutant;
import dev.redyellow.testing.MutationRequest;
import dev.redyellow.testing.MutationResult;
import dev.redyellow.testing.MutationTester;
import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the test cache in front of a mutation tester: a measurement on content seen before is
 * answered from the cache. Entries live in the same cache as test results, under keys of their own
 * (the input {@code kind} is {@code mutation}, with the mutation tool, the mutation command and the
 * feature's code paths besides the test settings and every file), so a test run and a measurement
 * never share a key. A measurement is kept as a test result in which each killed mutant is a pass
 * and each survivor a failure named {@code file:line} with the change as its message; a result
 * that is not a measurement (an error, nothing to measure) is not kept.
 */
public final class CachingMutationTester implements MutationTester {
    private final MutationTester tester;
    private final TestCache cache;
    private final FileHashes hashes;
    private final Set<String> containedFeatures;

    /** @param containedFeatures the features whose code the workspace holds besides the measured one */
    public CachingMutationTester(MutationTester tester, TestCache cache, FileHashes hashes, Set<String> containedFeatures) {
        this.tester = tester;
        this.cache = cache;
        this.hashes = hashes;
        this.containedFeatures = Set.copyOf(containedFeatures);
    }

    @Override
    public MutationResult measure(MutationRequest request) throws InterruptedException {
        CacheKey key = key(request, tester.tool(request), hashes);
        Optional<TestResult> hit = cache.lookup(key);
        if (hit.isPresent()) {
            String note = String.format(Locale.ROOT, "[redyellow] mutation score served from the cache (key %s)%n",
                    key.sha256().substring(0, 12));
            byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
            request.output().write(OutputSink.Stream.STDOUT, bytes, 0, bytes.length);
            return decode(hit.get()).fromCache();
        }
        MutationResult result = tester.measure(request);
        request.untampered().run(); // a tool that changed the shared folders is judged by that, never kept
        if (result.measured()) {
            cache.store(key, request.featureId(), containedFeatures, encode(result));
        }
        return result;
    }

    /** The key of a measurement: what a test run's key holds, and what makes the mutants. */
    static CacheKey key(MutationRequest request, String tool, FileHashes hashes) {
        CacheKey files = CacheKey.of(request.test(), request.tests(), request.featureId(), request.workspace(), hashes);
        List<CacheInput> inputs = new ArrayList<>();
        inputs.add(CacheKey.value("purpose", "mutation"));
        // the junit kind's tool is the bundled PIT (in its own JVMs or on the warm workers); the command
        // kind's is its mutation command
        inputs.add(CacheKey.value("mutationTool", request.test() instanceof TestSettings.Command command
                ? command.mutationCommand() : tool));
        inputs.add(CacheKey.value("mutationTimeout", request.mutation().timeoutSeconds()));
        inputs.add(CacheKey.value("maxMutantsPerClass", request.mutation().maxMutantsPerClass()));
        inputs.add(CacheKey.value("code", request.code().stream().sorted().toList()));
        inputs.addAll(files.inputs());
        return CacheKey.of(inputs);
    }

    static TestResult encode(MutationResult result) {
        List<TestCase> cases = new ArrayList<>();
        for (Mutant m : result.survivors()) {
            cases.add(new TestCase(m.file() + ":" + m.line(), TestCase.Status.FAILED, m.change(), 0));
        }
        TestOutcome outcome = result.survived() > 0 ? TestOutcome.FAILED
                : result.killed() > 0 ? TestOutcome.PASSED : TestOutcome.NO_TESTS;
        // the skipped count, unused by a measurement, keeps the per-class sample size (0: every mutant)
        return new TestResult(outcome, result.killed(), result.survived(), result.perClassCap(), cases,
                result.durationMillis(), "", "");
    }

    static MutationResult decode(TestResult stored) {
        List<Mutant> survivors = new ArrayList<>();
        for (TestCase c : stored.cases()) {
            int colon = c.name().lastIndexOf(':');
            survivors.add(new Mutant(c.name().substring(0, colon), Integer.parseInt(c.name().substring(colon + 1)),
                    c.message()));
        }
        return MutationResult.measured(stored.passed(), stored.failed(), survivors, stored.durationMillis())
                .capped(stored.skipped());
    }
}
