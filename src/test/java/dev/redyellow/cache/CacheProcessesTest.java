package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several threads and several processes on one cache file, including a process killed mid-write. */
class CacheProcessesTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("redyellow.db");
    }

    private Process writer(String prefix, int count) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CacheWriterMain.class.getName(), db().toString(), prefix, String.valueOf(count))
                .redirectError(dir.resolve(prefix + ".err").toFile())
                .start();
    }

    private void assertAllPresent(String prefix, int count) {
        try (OpenedCache opened = TestCaches.open(db(), CacheSettings.defaults())) {
            assertEquals(List.of(), opened.warnings());
            for (int n = 0; n < count; n++) {
                assertTrue(opened.cache().lookup(Results.key(prefix + n)).isPresent(), prefix + n + " is missing");
            }
        }
    }

    @Test
    void keepsEveryEntryWrittenByManyThreadsThroughTwoInstances() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (OpenedCache one = TestCaches.open(db(), CacheSettings.defaults());
             OpenedCache two = TestCaches.open(db(), CacheSettings.defaults())) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                TestCache cache = t % 2 == 0 ? one.cache() : two.cache();
                String prefix = "thread" + t + "-";
                writers.add(pool.submit(() -> {
                    for (int n = 0; n < 150; n++) {
                        cache.store(Results.key(prefix + n), prefix, Set.of(), Results.passed(n));
                        cache.lookup(Results.key(prefix + n));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            assertEquals(600, one.cache().stats().entries());
            // hits answered from memory are written behind; the other instance's show once it flushes
            two.cache().flush();
            assertEquals(600, one.cache().stats().hits());
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < 4; t++) {
            assertAllPresent("thread" + t + "-", 150);
        }
    }

    @Test
    void keepsEveryEntryWhenTwoProcessesWriteTheSameFileAtOnce() throws Exception {
        Process first = writer("first-", 300);
        Process second = writer("second-", 300);
        try (OpenedCache here = TestCaches.open(db(), CacheSettings.defaults())) {
            for (int n = 0; n < 300; n++) {
                here.cache().store(Results.key("here-" + n), "here", Set.of(), Results.passed(n));
            }
        }
        assertTrue(first.waitFor(3, TimeUnit.MINUTES) && second.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, first.exitValue(), () -> read(dir.resolve("first-.err")));
        assertEquals(0, second.exitValue(), () -> read(dir.resolve("second-.err")));
        assertEquals("", problems(dir.resolve("first-.err")) + problems(dir.resolve("second-.err")));
        assertAllPresent("first-", 300);
        assertAllPresent("second-", 300);
        assertAllPresent("here-", 300);
    }

    @Test
    void keepsEveryCommittedEntryWhenAWriterIsKilledMidWrite() throws Exception {
        Process writer = writer("killed-", -1);
        int committed = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && committed < 200; line = out.readLine()) {
                assertEquals("stored " + committed, line);
                committed++;
            }
            writer.destroyForcibly();
            assertTrue(writer.waitFor(1, TimeUnit.MINUTES));
        }
        assertEquals(200, committed, () -> read(dir.resolve("killed-.err")));
        assertAllPresent("killed-", committed);
        try (OpenedCache reopened = TestCaches.open(db(), CacheSettings.defaults())) {
            reopened.cache().store(Results.key("after"), "after", Set.of(), Results.passed(1));
            assertTrue(reopened.cache().lookup(Results.key("after")).isPresent());
        }
    }

    /** The standard error of a writer without the logging library's notice that it has no provider. */
    private static String problems(Path file) {
        return read(file).lines().filter(line -> !line.startsWith("SLF4J")).collect(Collectors.joining("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "unreadable " + file + ": " + e;
        }
    }
}
