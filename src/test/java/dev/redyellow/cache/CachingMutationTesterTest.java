package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.MutationSettings;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.Mutant;
import dev.redyellow.testing.MutationRequest;
import dev.redyellow.testing.MutationResult;
import dev.redyellow.testing.PitestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mutation cache in a real SQLite file: served on the same content, measured again on other content. */
class CachingMutationTesterTest {
    private static final MutationSettings ON = new MutationSettings(true, OptionalDouble.of(0.5), 60);
    private static final TestSettings COMMAND = new TestSettings.Command(List.of("python3", "-m", "unittest"), Map.of(), 30,
            null, false, List.of("python3", "mutate.py"));

    @TempDir
    Path tmp;

    @Test
    void theSameContentIsServedAndOtherContentMeasured() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("add.py"), "def add(a, b):\n    return a + b\n");
        Files.writeString(ws.resolve("test_add.py"), "x = 1\n");
        AtomicInteger measured = new AtomicInteger();
        MutationResult result = MutationResult.measured(3, 1, List.of(new Mutant("add.py", 2, "replaced + with -")), 1234);
        try (OpenedCache opened = TestCaches.open(tmp.resolve("cache.db"), CacheSettings.defaults())) {
            CachingMutationTester tester = new CachingMutationTester(r -> {
                measured.incrementAndGet();
                return result;
            }, opened.cache(), new FileHashes(), Set.of());

            MutationResult first = tester.measure(request(ws));
            MutationResult second = tester.measure(request(ws));
            Files.writeString(ws.resolve("add.py"), "def add(a, b):\n    return b + a\n");
            MutationResult third = tester.measure(request(ws));

            assertEquals(2, measured.get());
            assertFalse(first.cached());
            assertTrue(second.cached());
            assertEquals(result.killed(), second.killed());
            assertEquals(result.survived(), second.survived());
            assertEquals(result.survivors(), second.survivors());
            assertFalse(third.cached());
        }
    }

    @Test
    void anErrorIsNotKept() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("add.py"), "x = 1\n");
        AtomicInteger measured = new AtomicInteger();
        try (OpenedCache opened = TestCaches.open(tmp.resolve("cache.db"), CacheSettings.defaults())) {
            CachingMutationTester tester = new CachingMutationTester(r -> {
                measured.incrementAndGet();
                return MutationResult.error("the tool crashed", 5);
            }, opened.cache(), new FileHashes(), Set.of());
            tester.measure(request(ws));
            tester.measure(request(ws));
        }
        assertEquals(2, measured.get());
    }

    @Test
    void aMeasurementNeverSharesAKeyWithATestRun() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("add.py"), "x = 1\n");
        FileHashes hashes = new FileHashes();
        CacheKey test = CacheKey.of(COMMAND, List.of("test_add.py"), "add", ws, hashes);
        CacheKey mutation = CachingMutationTester.key(request(ws), PitestJars.VERSION, hashes);

        assertNotEquals(test.sha256(), mutation.sha256());
        assertEquals(test.files(), mutation.files());
    }

    @Test
    void aSampleIsServedAsASampleAndNotForAnotherSampleSize() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("add.py"), "def add(a, b):\n    return a + b\n");
        AtomicInteger measured = new AtomicInteger();
        MutationResult sample = MutationResult.measured(2, 1, List.of(new Mutant("add.py", 2, "replaced + with -")), 50)
                .capped(3);
        MutationSettings capped = new MutationSettings(true, OptionalDouble.empty(), 60, 3);
        MutationSettings every = new MutationSettings(true, OptionalDouble.empty(), 60, 0);
        try (OpenedCache opened = TestCaches.open(tmp.resolve("cache.db"), CacheSettings.defaults())) {
            CachingMutationTester tester = new CachingMutationTester(r -> {
                measured.incrementAndGet();
                return r.mutation().maxMutantsPerClass() == 0 ? MutationResult.measured(5, 1, List.of(), 80) : sample;
            }, opened.cache(), new FileHashes(), Set.of());

            tester.measure(request(ws, capped));
            MutationResult served = tester.measure(request(ws, capped));
            MutationResult full = tester.measure(request(ws, every));

            assertEquals(2, measured.get(), "a sample of 3 per class must not answer for every mutant");
            assertTrue(served.cached());
            assertEquals(3, served.perClassCap());
            assertTrue(served.summary().endsWith(", at most 3 mutants per class sampled"), served.summary());
            assertFalse(full.cached());
            assertEquals(0, full.perClassCap());
        }
    }

    private static MutationRequest request(Path ws) {
        return request(ws, ON);
    }

    private static MutationRequest request(Path ws, MutationSettings settings) {
        return new MutationRequest(ws, COMMAND, settings, List.of("test_add.py"), List.of("add.py"), OutputSink.DISCARD, "add");
    }
}
