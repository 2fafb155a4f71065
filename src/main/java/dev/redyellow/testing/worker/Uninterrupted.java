package dev.redyellow.testing.worker;

/**
 * Runs javac where no interrupt reaches it. javac reads the class path's jars through NIO channels,
 * and a thread interrupted during such a read closes the channel, for every later reader too: on an
 * interrupted thread a compile reports made-up errors ("cannot access shop", "bad class file ...
 * ClosedChannelException"), and a file manager kept across compiles (a reused context's, a kept one)
 * fails every later compile that reads that jar. Runs are interrupted whenever they are pre-empted or
 * their time is up, so on the real-code case a third cycle in one JVM found JUnit's own classes
 * "missing" in 349 of 524 runs. Here the compile runs on a thread of its own that nothing else can
 * reach; the caller waits for it to end even when interrupted (it writes into the caller's folders),
 * and keeps its interrupt for what comes next.
 */
final class Uninterrupted {

    /**
     * The system property that sets javac's stack in bytes; {@link TestJvm#STACK_BYTES} by default (what a
     * test JVM gives its tests). javac fails on code nested deeper than its stack holds, and such a
     * compile is done again on a far larger one ({@link WorkspaceCompiler#compileAgain}).
     */
    static final String STACK_PROPERTY = "redyellow.javac.stackBytes";

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private Uninterrupted() {
    }

    /** Work that may throw {@code E}. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T call() throws E;
    }

    /**
     * {@code work}'s result, computed on a thread of its own that no interrupt reaches (one per call: a
     * thread costs far less than a compile); what it throws is thrown here. An interrupt of the calling
     * thread meanwhile is kept (set again on return), not acted on.
     */
    @SuppressWarnings("unchecked")
    static <T, E extends Exception> T call(Work<T, E> work) throws E {
        Object[] outcome = new Object[2];
        Thread thread = new Thread(null, () -> {
            long started = System.nanoTime();
            long cpu = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
            try {
                outcome[0] = work.call();
            } catch (Throwable t) {
                outcome[1] = t;
            } finally {
                JavacTimes.record(System.nanoTime() - started, cpu < 0 ? -1 : CPU.getCurrentThreadCpuTime() - cpu);
            }
        }, "redyellow-javac", Long.getLong(STACK_PROPERTY, TestJvm.STACK_BYTES));
        thread.setDaemon(true);
        try {
            thread.start();
        } catch (OutOfMemoryError noThread) {
            // no thread to be had (the process's limit): the work runs here, interruptible, as it did before
            return work.call();
        }
        join(thread); // its writes happen before join returns
        if (outcome[1] instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (outcome[1] instanceof Error error) {
            throw error;
        }
        if (outcome[1] != null) {
            throw (E) outcome[1]; // work throws nothing checked but E
        }
        return (T) outcome[0];
    }

    /**
     * Waits until {@code thread} has ended, through interrupts; an interrupt met meanwhile (or already
     * set) is set again on return. (The host's {@code dev.redyellow.concurrent.Uninterruptibly} does the
     * same; this worker's jar holds its own package only.)
     */
    static void join(Thread thread) {
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
