package dev.redyellow.testing.worker;

import java.util.List;

/**
 * What every JVM that runs tests gets, in both fork modes, so a test sees the same stack and JIT
 * whichever mode runs it: the JVM's default (tiered) JIT, never a C1-only one, and an 8 MiB stack
 * for the thread that runs the tests and for every thread the tests start.
 *
 * <p>Why 8 MiB, and why both modes: the console launcher runs tests on the JVM's main thread, whose
 * stack is the JVM's {@code -Xss} (1 MiB by default on Linux x64, not the 8 MiB of the process's
 * primordial thread). A deep recursion near that limit passes or overflows depending on how much of
 * it the JIT has compiled yet, which differs between a fresh JVM and a warm one; measured on a
 * recursive sort, 1 MiB held 24,000 frames with the default JIT, 10,000 C1-only and 7,000
 * interpreted, and 8 MiB held 55,000 frames even interpreted. Giving both modes the same larger
 * stack makes such a test pass in both, every time, instead of by the luck of the JIT.
 *
 * <p>The heap too ({@code workerHeapMb}): tests that assume enough memory (Commons Codec's large
 * buffer tests) ran in a fresh JVM with a quarter of the machine's memory and were skipped in a
 * 256 MiB worker, so the same content gave other counts ({@code bench parity} on the real-code case).
 */
public final class TestJvm {

    /** The stack of the thread that runs the tests, and of every thread of a test JVM. */
    public static final long STACK_BYTES = 8L * 1024 * 1024;
    /** The system property that gives a worker's test thread another stack ({@link #MUTATION_OPTIONS}). */
    static final String STACK_PROPERTY = "redyellow.worker.stackBytes";

    /**
     * What a warm worker that runs mutants gets besides (issue 22): a C1-only JIT, because each
     * mutant's classes are loaded anew and the optimising compiler's work on them was thrown away
     * after every run (on the real-code case, a mutation run took 26 to 29 s with it against 36 to 39
     * s without); and twice the stack, because C1's frames are larger, so a recursion that fits
     * with the default JIT fits here too. A mutant that recurses for ever still overflows.
     */
    public static final List<String> MUTATION_OPTIONS = List.of("-XX:TieredStopAtLevel=1",
            "-Xss" + (2 * STACK_BYTES / 1024) + "k", "-D" + STACK_PROPERTY + "=" + 2 * STACK_BYTES);

    private TestJvm() {
    }

    /** The stack of the thread that runs a worker's tests: {@link #STACK_BYTES} unless the JVM was told otherwise. */
    static long stackBytes() {
        return Long.getLong(STACK_PROPERTY, STACK_BYTES);
    }

    /** The JVM options both modes give a test JVM with a heap of {@code heapMb} MiB. */
    public static List<String> options(int heapMb) {
        return List.of("-Xmx" + heapMb + "m", "-Xss" + (STACK_BYTES / 1024) + "k", "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8");
    }
}
