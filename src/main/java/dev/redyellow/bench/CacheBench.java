package dev.redyellow.bench;

import dev.redyellow.cache.CacheKey;
import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.FileHashes;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.cache.TestCache;
import dev.redyellow.cache.TestCaches;
import dev.redyellow.cycle.StepOutput;
import dev.redyellow.exec.RunFolder;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.run.BundledSample;
import dev.redyellow.run.RunEngine;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunOptions;
import dev.redyellow.run.RunResult;
import dev.redyellow.store.BlobMetrics;
import dev.redyellow.store.BlobStore;
import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.TestRunners;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The test cache and the code store, measured: key computation on large workspaces, hit latency of
 * the memory tier and of SQLite, the bundled sample cold vs warm, and the code store's heap under
 * a budget with a gigabyte of content.
 */
public final class CacheBench {
    private final PrintWriter out;
    private final Path work;

    public CacheBench(PrintWriter out, Path work) {
        this.out = out;
        this.work = work;
    }

    public void run() throws Exception {
        out.printf(Locale.ROOT, "Cache and code store benchmark: %d cores, Java %s, max heap %d MB%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        keys();
        hits();
        sample();
        codeStore();
        out.println();
        out.println("Reproduce: java -Xmx512m -jar target/redyellow.jar bench cache");
        out.flush();
    }

    private void keys() throws Exception {
        out.println("Cache key of a workspace (SHA-256 over settings and every file's content hash)");
        out.printf(Locale.ROOT, "%8s %10s %14s %14s %10s%n", "files", "MB", "cold ms", "reused ms", "ratio");
        TestSettings settings = new TestSettings.JUnit(60);
        for (int n : new int[] {100, 1_000, 10_000}) {
            Path ws = Files.createDirectories(work.resolve("ws-" + n));
            Random random = new Random(n);
            long bytes = 0;
            for (int i = 0; i < n; i++) {
                byte[] content = new byte[1024 + random.nextInt(4096)];
                random.nextBytes(content);
                Path f = ws.resolve("src/main/java/p" + (i % 50) + "/C" + i + ".java");
                Files.createDirectories(f.getParent());
                Files.write(f, content);
                bytes += content.length;
            }
            Thread.sleep(2100); // FileHashes trusts a file's time only once it is older than the clock's grain
            FileHashes hashes = new FileHashes();
            long t0 = System.nanoTime();
            CacheKey cold = CacheKey.of(settings, List.of(), ws, hashes);
            long t1 = System.nanoTime();
            CacheKey warm = CacheKey.of(settings, List.of(), ws, hashes);
            long t2 = System.nanoTime();
            if (!cold.equals(warm)) {
                throw new IllegalStateException("the same workspace gave two keys");
            }
            double coldMs = (t1 - t0) / 1e6;
            double warmMs = (t2 - t1) / 1e6;
            out.printf(Locale.ROOT, "%8d %10.1f %14.1f %14.1f %9.1fx%n", n, bytes / 1e6, coldMs, warmMs, coldMs / warmMs);
        }
        out.println();
    }

    private void hits() throws Exception {
        int n = 2000;
        Path db = work.resolve("hits.db");
        List<CacheKey> keys = new ArrayList<>();
        try (OpenedCache opened = TestCaches.open(db, CacheSettings.defaults())) {
            for (int i = 0; i < n; i++) {
                CacheKey key = CacheKey.of(List.of(new dev.redyellow.cache.CacheInput("file:f" + i, Integer.toString(i))));
                keys.add(key);
                opened.cache().store(key, "f" + (i % 20), Set.of(), result(i));
            }
        }
        long[] sqlite = new long[n];
        long[] memory = new long[n];
        try (OpenedCache opened = TestCaches.open(db, CacheSettings.defaults())) {
            TestCache cache = opened.cache();
            for (int i = 0; i < n; i++) { // a fresh instance: every first lookup comes from the file
                long t = System.nanoTime();
                cache.lookup(keys.get(i)).orElseThrow();
                sqlite[i] = System.nanoTime() - t;
            }
            for (int round = 0; round < 3; round++) { // warm the JIT on the memory path
                for (CacheKey key : keys) {
                    cache.lookup(key).orElseThrow();
                }
            }
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                cache.lookup(keys.get(i)).orElseThrow();
                memory[i] = System.nanoTime() - t;
            }
        }
        out.println("Cache hit latency (" + n + " entries, microseconds)");
        out.printf(Locale.ROOT, "%-14s %10s %10s%n", "tier", "p50", "p99");
        out.printf(Locale.ROOT, "%-14s %10.1f %10.1f%n", "memory", pct(memory, 50) / 1e3, pct(memory, 99) / 1e3);
        out.printf(Locale.ROOT, "%-14s %10.1f %10.1f%n", "SQLite file", pct(sqlite, 50) / 1e3, pct(sqlite, 99) / 1e3);
        out.println();
    }

    private void sample() throws Exception {
        Path manifestFile = BundledSample.extract(BundledSample.STRING_TOOLS, work.resolve("samples"));
        Manifest manifest = ManifestLoader.load(manifestFile);
        Path db = work.resolve("sample.db");
        RunResult cold = runSample(manifest, db, "cold");
        RunResult warm = runSample(manifest, db, "warm");
        out.println("The string-tools sample, 3 workers: cold cache, then a second run on unchanged content");
        out.printf(Locale.ROOT, "%-6s %8s %9s %6s %8s %10s %8s%n", "run", "wall s", "requests", "hits", "hit rate",
                "saved s", "all GREEN");
        for (RunResult r : List.of(cold, warm)) {
            var c = r.metrics().cache();
            out.printf(Locale.ROOT, "%-6s %8.2f %9d %6d %7.0f%% %10.1f %8s%n", r == cold ? "cold" : "warm",
                    r.metrics().wallSeconds(), c.requests(), c.hits(), c.hitRate() * 100, c.savedSeconds(), r.allGreen());
        }
        out.printf(Locale.ROOT, "warm is %.1fx faster than cold%n%n", cold.metrics().wallSeconds() / warm.metrics().wallSeconds());
    }

    private RunResult runSample(Manifest manifest, Path db, String name) throws Exception {
        try (OpenedCache opened = TestCaches.open(db, CacheSettings.defaults())) {
            RunFolder folder = new RunFolder(Files.createDirectories(work.resolve("run-" + name)));
            RunResult r = new RunEngine(manifest, new RunOptions(3, folder.path(), false, ManualDecisions.NOBODY,
                    StepOutput.DISCARD, opened.cache(), Map.of(), null, null), TestRunners.standard(), RunListener.NONE,
                    Clock.systemUTC()).run();
            folder.removeWorkspaces();
            return r;
        }
    }

    /**
     * A gigabyte of attempts as a retry loop makes them: each attempt re-saves a feature's files,
     * most unchanged, one or two edited.
     */
    private void codeStore() throws Exception {
        long budget = 64L << 20;
        long logicalTarget = 1L << 30;
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = mx.getHeapMemoryUsage().getUsed();
        long peakAfterGc = before;
        Random random = new Random(7);
        try (BlobStore store = new BlobStore(work.resolve("blobs"), budget)) {
            long logical = 0;
            long nextCheck = 64L << 20;
            int feature = 0;
            while (logical < logicalTarget) {
                byte[][] files = new byte[20][];
                for (int f = 0; f < files.length; f++) {
                    files[f] = text(random, 8 * 1024 + random.nextInt(24 * 1024));
                }
                for (int attempt = 0; attempt < 8 && logical < logicalTarget; attempt++) {
                    int edited = random.nextInt(files.length);
                    files[edited] = edit(files[edited], random);
                    for (byte[] file : files) {
                        store.put(file);
                        logical += file.length;
                    }
                }
                feature++;
                if (logical >= nextCheck) {
                    System.gc();
                    peakAfterGc = Math.max(peakAfterGc, mx.getHeapMemoryUsage().getUsed());
                    nextCheck += 64L << 20;
                }
            }
            BlobMetrics m = store.metrics();
            out.println("Code store: 1 GB of attempts (" + feature + " features x 8 attempts x 20 files), budget 64 MB");
            out.printf(Locale.ROOT, "logical %.0f MB, stored %.0f MB, dedup %.2fx, in memory %.1f MB, on disk %.0f MB, "
                            + "spills %d%n", m.logicalBytes() / 1e6, m.storedBytes() / 1e6, m.dedupRatio(),
                    m.bytesInMemory() / 1e6, m.bytesOnDisk() / 1e6, m.spills());
            out.printf(Locale.ROOT, "heap after GC: %.1f MB before, peak %.1f MB while storing: growth %.1f MB "
                    + "(target: within budget + 32 MB = 96 MB)%n", before / 1e6, peakAfterGc / 1e6, (peakAfterGc - before) / 1e6);
        }
    }

    private static byte[] text(Random random, int size) {
        StringBuilder s = new StringBuilder(size);
        while (s.length() < size) {
            s.append("    int value").append(random.nextInt(100_000)).append(" = compute(").append(random.nextInt(1000))
                    .append(");\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] edit(byte[] file, Random random) {
        byte[] copy = file.clone();
        copy[random.nextInt(copy.length)] = (byte) ('a' + random.nextInt(26));
        return copy;
    }

    private static TestResult result(int i) {
        List<TestCase> cases = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            cases.add(new TestCase("tools.T" + i + ".test" + c, TestCase.Status.PASSED, "", 3));
        }
        return new TestResult(TestOutcome.PASSED, 8, 0, 0, cases, 1200, "", "");
    }

    private static double pct(long[] samples, int p) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
