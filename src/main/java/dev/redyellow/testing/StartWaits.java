package dev.redyellow.testing;

/**
 * The time the current thread spent waiting for a warm test process (a script server, a test JVM)
 * to start. That is the run's set-up, shared by every feature that later uses the process, not the
 * work of the feature whose run happened to come first; the conductor leaves it out of the
 * feature's time. Later runs schedule by those times (the longest remaining path first), and with
 * the start-up in them the features that ran first looked long: on the realjs bench the warm-up gave
 * helpers 1.28 s and legacy 1.00 s against traversal's 0.64 s, though traversal needs as many test
 * runs as helpers and more than legacy. Per thread; the pools add, the conductor takes.
 */
public final class StartWaits {
    private static final ThreadLocal<long[]> NANOS = ThreadLocal.withInitial(() -> new long[1]);

    private StartWaits() {
    }

    /** Notes that this thread waited {@code nanos} for a test process to start. */
    static void add(long nanos) {
        if (nanos > 0) {
            NANOS.get()[0] += nanos;
        }
    }

    /** What this thread waited for starts since the last call, in milliseconds; clears it. */
    public static long takeMillis() {
        long[] nanos = NANOS.get();
        long millis = nanos[0] / 1_000_000;
        nanos[0] = 0;
        return millis;
    }
}
