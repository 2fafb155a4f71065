package dev.redyellow.cycle;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;

/**
 * The test runs a run carries out at once: as many as it has workers, as when each worker ran one
 * test at a time. A feature's conductor takes a slot for each of its test runs; one whose first
 * attempt was prepared in advance (replayed) also tests that attempt beside its RED proof, on a
 * thread of its own, but only in a slot that is free at that moment ({@link #beside}). So a worker
 * left idle by the dependency graph tests the next attempt early, and no run ever has more test
 * processes, warm servers or test JVMs than workers. Thread-safe.
 */
public final class TestSlots {

    private final Semaphore free;

    private TestSlots(Semaphore free) {
        this.free = free;
    }

    /** {@code n} slots (n at least 1). */
    public static TestSlots of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("test slots: " + n);
        }
        return new TestSlots(new Semaphore(n));
    }

    /** No limit on the conductors' own runs, and never a run beside them: each feature's runs one after another. */
    public static TestSlots unlimited() {
        return new TestSlots(null);
    }

    /** Runs {@code work} in a slot, waiting for one to be free. */
    public <T> T run(Callable<T> work) throws Exception {
        if (free == null) {
            return work.call();
        }
        free.acquire();
        try {
            return work.call();
        } finally {
            free.release();
        }
    }

    /**
     * Starts {@code work} on a thread of its own in a slot free now; {@code null} when none is (the
     * caller then does the work later, in turn).
     */
    public <T> Beside<T> beside(String name, Callable<T> work) {
        if (free == null || !free.tryAcquire()) {
            return null;
        }
        Beside<T> beside = new Beside<>(work, free);
        Thread thread = new Thread(beside::work, name);
        thread.setDaemon(true);
        beside.thread = thread;
        thread.start();
        return beside;
    }

    /** Slots free now (for tests). */
    int available() {
        return free == null ? Integer.MAX_VALUE : free.availablePermits();
    }

    /** Work going on beside a conductor's own: its result is taken or it is stopped, and then it is over. */
    public static final class Beside<T> {
        private final Callable<T> work;
        private final Semaphore free;
        private volatile Thread thread;
        private T value;
        private Exception failure;

        private Beside(Callable<T> work, Semaphore free) {
            this.work = work;
            this.free = free;
        }

        private void work() {
            try {
                T v = work.call();
                synchronized (this) {
                    value = v;
                }
            } catch (Exception e) {
                synchronized (this) {
                    failure = e;
                }
            } finally {
                free.release();
            }
        }

        /** Waits for the work to end and returns its result, or throws what it threw. */
        public T get() throws Exception {
            thread.join();
            synchronized (this) {
                if (failure != null) {
                    throw failure;
                }
                return value;
            }
        }

        /**
         * Interrupts the work (a test run kills its processes when interrupted) and waits for it to
         * end, even when this thread is interrupted meanwhile (the interrupt is kept): nothing of it
         * outlives the call.
         */
        public void stop() {
            thread.interrupt();
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
