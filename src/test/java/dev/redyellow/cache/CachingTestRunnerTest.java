package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.TestRequest;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.TestRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache in front of a runner, on a real SQLite file. */
class CachingTestRunnerTest {

    @TempDir
    Path dir;
    private OpenedCache opened;

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    /** A workspace with one test file, and the cache file opened; the request of a junit run on it. */
    private TestRequest slugRequest() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(workspace.resolve("SlugTest.java"), "class SlugTest {}");
        opened = TestCaches.open(dir.resolve("cache.db"), CacheSettings.defaults());
        return new TestRequest(workspace, new TestSettings.JUnit(60), List.of("SlugTest.java"), OutputSink.DISCARD);
    }

    @Test
    void aRunWithTheForkModeForcedDoesNotTakeTheOtherModesResult() throws Exception {
        TestRequest request = slugRequest();
        FileHashes hashes = new FileHashes();
        Counting asWritten = new Counting(Optional.empty());
        Counting perRun = new Counting(Optional.of(TestSettings.Fork.PER_RUN));

        new CachingTestRunner(asWritten, opened.cache(), hashes, "slug", Set.of()).run(request);
        CachingTestRunner forced = new CachingTestRunner(perRun, opened.cache(), hashes, "slug", Set.of());
        forced.run(request);
        forced.run(request);

        assertEquals(1, asWritten.runs.get());
        assertEquals(1, perRun.runs.get(), "the perRun run must not be served the warm result");
        assertEquals(1, forced.hits());
        assertEquals(TestSettings.Fork.PER_RUN,
                ((TestSettings.JUnit) forced.effectiveSettings(request.settings())).fork());
        Optional<MissExplanation> why = opened.cache().why("slug");
        assertTrue(why.isPresent());
        assertEquals(List.of("fork"), why.get().changed());
    }

    /**
     * Before javac's crashes were told apart, one was kept as a compile error reading only "compilation
     * failed without an error message": such an entry is no answer, the run is made again, and its
     * result replaces the entry.
     */
    @Test
    void aCrashAnEarlierVersionKeptAsACompileErrorIsRunAgain() throws Exception {
        TestRequest request = slugRequest();
        FileHashes hashes = new FileHashes();
        TestResult crash = new TestResult(dev.redyellow.testing.TestOutcome.COMPILE_ERROR, 0, 0, 0, List.of(), 900,
                CachingTestRunner.CRASH_KEPT_AS_COMPILE_ERROR, CachingTestRunner.CRASH_KEPT_AS_COMPILE_ERROR);
        TestRunner old = new TestRunner() {
            @Override
            public TestResult run(TestRequest r) {
                return crash;
            }
        };
        assertEquals(crash, new CachingTestRunner(old, opened.cache(), hashes, "slug", Set.of()).run(request));
        Counting now = new Counting(Optional.empty());
        CachingTestRunner again = new CachingTestRunner(now, opened.cache(), hashes, "slug", Set.of());

        assertEquals(dev.redyellow.testing.TestOutcome.PASSED, again.run(request).outcome());
        assertEquals(1, now.runs.get(), "the crash kept as a compile error is no answer");
        assertEquals(dev.redyellow.testing.TestOutcome.PASSED, again.run(request).outcome());
        assertEquals(1, now.runs.get(), "the true result replaced it");
        assertEquals(1, again.hits());
    }

    /** A runner that passes and counts its runs; like TestRunners, it may force a fork mode. */
    private static final class Counting implements TestRunner {
        final AtomicInteger runs = new AtomicInteger();
        private final Optional<TestSettings.Fork> forced;

        Counting(Optional<TestSettings.Fork> forced) {
            this.forced = forced;
        }

        @Override
        public TestResult run(TestRequest request) {
            runs.incrementAndGet();
            return Results.passed(100);
        }

        @Override
        public TestSettings effectiveSettings(TestSettings settings) {
            return forced.isPresent() && settings instanceof TestSettings.JUnit junit ? junit.withFork(forced.get()) : settings;
        }
    }
}
