package dev.redyellow.bench;

import java.io.PrintWriter;
import dev.redyellow.exec.OutputSink;
import dev.redyellow.stream.CallbackSubscriber;
import dev.redyellow.stream.ChunkKind;
import dev.redyellow.stream.ChunkPublisher;
import dev.redyellow.stream.LogFileSubscriber;
import dev.redyellow.stream.StreamMetrics;
import dev.redyellow.stream.StreamingOutput;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Measures the streaming path as a run uses it: a producer writes through a step's
 * {@link OutputSink} into a publisher with a log file (lossless), a fast viewer and a slow viewer
 * (sleeps 2 ms per chunk, queue of 64).
 *
 * <ol>
 *   <li>Latency emit -> delivered to the fast viewer while the slow one lags, at paced rates.
 *   <li>Throughput unpaced, and heap growth while pushing a total of N bytes (default 1 GB), with
 *   and without the log file: heap used after GC before the push vs the peak sampled every 5 ms
 *   during it (the peak includes garbage not yet collected) and used after GC at the end.
 * </ol>
 *
 * Arguments (optional): seconds per paced rate (default 3), megabytes for the throughput push
 * (default 1024).
 */
public final class StreamBench {

    private static final int WRITE_BYTES = 4 * 1024;
    private static final int SLOW_SLEEP_MILLIS = 2;
    private static final int SLOW_CAPACITY = 64;
    private static final int FAST_CAPACITY = 1024;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final PrintWriter out;

    public StreamBench(PrintWriter out) {
        this.out = out;
    }

    /** What one scenario measured. */
    private record Result(double targetMbPerSecond, double gotMbPerSecond, long bytes, StreamMetrics.Snapshot fast,
                          StreamMetrics.Snapshot slow, long heapBefore, long heapPeak, long heapAfter) {
    }

    /** Runs every scenario, printing a table each and the command that reproduces them. */
    public void run(int secondsPerRate, long pushMegabytes) throws Exception {
        Path runDir = Files.createTempDirectory("redyellow-streambench");
        try {
            run(runDir, secondsPerRate, pushMegabytes);
        } finally {
            dev.redyellow.files.Folders.deleteTree(runDir);
        }
        out.printf(Locale.ROOT, "%nReproduce: java -Xmx256m -jar target/redyellow.jar bench stream %d %d%n",
                secondsPerRate, pushMegabytes);
    }

    private void run(Path runDir, int secondsPerRate, long pushMegabytes) throws Exception {
        out.printf(Locale.ROOT, "Streaming path: %d-byte writes -> 8 KB UTF-8 chunks -> log file (lossless) + fast viewer"
                + " (queue %d) + slow viewer (%d ms/chunk, queue %d).%nJVM max heap %d MB, %d CPUs, system load average %.1f"
                + " (figures from a shared machine vary with it).%n%n",
                WRITE_BYTES, FAST_CAPACITY, SLOW_SLEEP_MILLIS, SLOW_CAPACITY, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        measure(runDir, 10, 1L << 20, true); // warm-up, not printed
        out.println("| produced (target) | produced (got) | MB    | fast p50 | fast p99 | fast chunks | fast dropped | slow got | slow dropped |");
        out.println("|------------------:|---------------:|------:|---------:|---------:|------------:|-------------:|---------:|-------------:|");
        for (double rate : new double[] {1, 10, 50}) {
            long bytes = (long) (rate * (1 << 20) * secondsPerRate);
            printLatencyRow(measure(runDir, rate, bytes, true));
        }
        out.println();
        out.println("| unpaced push | log file | MB/s   | fast p50 | fast p99 | slow dropped | heap before (after GC) | heap peak | heap after GC | growth |");
        out.println("|-------------:|---------:|-------:|---------:|---------:|-------------:|-----------------------:|----------:|--------------:|-------:|");
        printThroughputRow(measure(runDir, 0, pushMegabytes << 20, true), true);
        printThroughputRow(measure(runDir, 0, pushMegabytes << 20, false), false);
    }

    /** One scenario; {@code rateMbPerSecond} 0 means as fast as possible. */
    private Result measure(Path runDir, double rateMbPerSecond, long totalBytes, boolean withLogFile) throws Exception {
        long heapBefore = usedAfterGc();
        AtomicLong heapPeak = new AtomicLong(heapBefore);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                LockSupport.parkNanos(5_000_000);
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        ChunkPublisher publisher = new ChunkPublisher();
        if (withLogFile) {
            publisher.subscribeLossless("log", new LogFileSubscriber(runDir));
        }
        StreamMetrics fast = publisher.subscribe("fast", new CallbackSubscriber(chunk -> { }), FAST_CAPACITY);
        StreamMetrics slow = publisher.subscribe("slow", new CallbackSubscriber(chunk -> sleepMillis(SLOW_SLEEP_MILLIS)), SLOW_CAPACITY);
        StreamingOutput streaming = new StreamingOutput(publisher);

        long started = System.nanoTime();
        produce(streaming, rateMbPerSecond, totalBytes);
        long elapsed = System.nanoTime() - started;
        publisher.close();

        sampling.set(false);
        sampler.join();
        long heapAfter = usedAfterGc();
        double got = totalBytes / (double) (1 << 20) / (elapsed / 1e9);
        return new Result(rateMbPerSecond, got, totalBytes, fast.snapshot(), slow.snapshot(), heapBefore, heapPeak.get(), heapAfter);
    }

    /** Writes mixed UTF-8 in {@link #WRITE_BYTES} pieces, pacing itself against the clock when a rate is set. */
    private static void produce(StreamingOutput streaming, double rateMbPerSecond, long totalBytes) {
        byte[] piece = pieceOfText();
        double nanosPerByte = rateMbPerSecond > 0 ? 1e9 / (rateMbPerSecond * (1 << 20)) : 0;
        long start = System.nanoTime();
        try (StreamingOutput.StepSink sink = streaming.open("bench", 1, ChunkKind.TEST_OUTPUT)) {
            for (long sent = 0; sent < totalBytes; ) {
                int length = (int) Math.min(piece.length, totalBytes - sent);
                sink.write(OutputSink.Stream.STDOUT, piece, 0, length);
                sent += length;
                if (nanosPerByte > 0) {
                    long due = start + (long) (sent * nanosPerByte);
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                }
            }
        }
    }

    private static byte[] pieceOfText() {
        StringBuilder text = new StringBuilder();
        while (text.toString().getBytes(StandardCharsets.UTF_8).length < WRITE_BYTES) {
            text.append("test 42 passed ✅ 測試 😀\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, WRITE_BYTES); // cut mid-character on purpose
    }

    private long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void printLatencyRow(Result r) {
        out.printf(Locale.ROOT, "| %12.0f MB/s | %9.1f MB/s | %5d | %8s | %8s | %11d | %12d | %8d | %12d |%n",
                r.targetMbPerSecond(), r.gotMbPerSecond(), r.bytes() >> 20, micros(r.fast().latencyP50().toNanos()),
                micros(r.fast().latencyP99().toNanos()), r.fast().chunks(), r.fast().dropped(), r.slow().chunks(),
                r.slow().dropped());
    }

    private void printThroughputRow(Result r, boolean withLogFile) {
        out.printf(Locale.ROOT, "| %9d MB | %8s | %6.0f | %8s | %8s | %12d | %19.1f MB | %6.1f MB | %10.1f MB | %3.1f MB |%n",
                r.bytes() >> 20, withLogFile ? "yes" : "no", r.gotMbPerSecond(), micros(r.fast().latencyP50().toNanos()),
                micros(r.fast().latencyP99().toNanos()), r.slow().dropped(), mb(r.heapBefore()), mb(r.heapPeak()),
                mb(r.heapAfter()), mb(r.heapPeak() - r.heapBefore()));
    }

    private static String micros(long nanos) {
        return nanos < 10_000_000 ? String.format(Locale.ROOT, "%d µs", nanos / 1_000)
                : String.format(Locale.ROOT, "%d ms", nanos / 1_000_000);
    }

    private static double mb(long bytes) {
        return bytes / (double) (1 << 20);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
