package dev.redyellow.testing.worker;

import java.util.ArrayList;
import java.util.List;

/**
 * The wall and CPU time of each javac call in this JVM (the last {@value #KEPT}), for the bench: a
 * run's compile phase also hashes, copies and checks class folders and waits for a core, and this tells
 * javac's own share apart. javac runs on a thread of its own ({@link Uninterrupted}), so its CPU time
 * is that thread's (-1 where the JVM cannot tell a thread's CPU time). Counted: every call made through
 * {@link Uninterrupted} (the runs' compiles, the base's and dependencies' class folders, the reuse check's
 * fresh compiles when it is on); not a compile done again after a crash, which has a thread of its own.
 */
public final class JavacTimes {

    /** One javac call: its wall time and its thread's CPU time, in nanoseconds. */
    public record Call(long wallNanos, long cpuNanos) {
    }

    private static final int KEPT = 1 << 16;
    private static final Call[] RING = new Call[KEPT];
    private static long recorded;

    private JavacTimes() {
    }

    static synchronized void record(long wallNanos, long cpuNanos) {
        RING[(int) (recorded % KEPT)] = new Call(wallNanos, cpuNanos);
        recorded++;
    }

    /** How many javac calls this JVM has made so far. */
    public static synchronized long count() {
        return recorded;
    }

    /** The calls made since the {@code from}-th (a {@link #count()} read before); the oldest may be gone. */
    public static synchronized List<Call> since(long from) {
        List<Call> calls = new ArrayList<>();
        for (long i = Math.max(from, recorded - KEPT); i < recorded; i++) {
            calls.add(RING[(int) (i % KEPT)]);
        }
        return calls;
    }
}
