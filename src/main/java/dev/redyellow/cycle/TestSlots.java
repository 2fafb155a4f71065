package dev.redyellow.cycle;

import dev.redyellow.concurrent.Uninterruptibly;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test runs a run carries out at once: as many as it has workers, as when each worker ran one
 * test at a time. A feature's conductor takes a slot for each of its test runs; one whose first
 * attempt was prepared in advance (replayed), or whose attempt waited for a dependency found while
 * running (its RED proof is then made again), also tests that attempt beside its RED proof, on a
 * thread of its own, but only in a slot that is free at that moment ({@link #beside}). So a worker
 * left idle by the dependency graph tests the next attempt early, and no run ever has more test
 * processes, warm servers or test JVMs than workers.
 *
 * <p>A conductor that needs a slot while a run beside holds it waits for that run, at most one test
 * run's time, unless the slots are {@linkplain #preemptive pre-emptive}: then it stops the run beside
 * (its result is dropped and its conductor tests that attempt in turn), and no run starts beside while
 * a conductor waits. Pre-emption is for runs with a time limit per feature, where the wait would count
 * against the waiting feature's limit; without one it only throws away work nearly done (and, for a
 * warm test server, the server): measured on the realpy bench, 2.21 to 2.32 s against 2.08 to 2.11 s.
 * Thread-safe.
 */
public final class TestSlots {

    /** How often a waiting conductor looks again for a run beside to pre-empt. */
    private static final long PREEMPT_ROUND_MILLIS = 20;
    /** Runs beside a RED proof whose threads were interrupted, pre-empted or stopped, in this JVM (the bench reads it). */
    private static final java.util.concurrent.atomic.AtomicLong INTERRUPTED = new java.util.concurrent.atomic.AtomicLong();

    /**
     * How many runs beside a RED proof this JVM has interrupted so far (pre-empted for a slot, or stopped when
     * the proof did not need them), whatever they were doing: compiling, testing. Read as a difference.
     */
    public static long interruptedRuns() {
        return INTERRUPTED.get();
    }

    private final Semaphore free;
    private final boolean preemptive;
    /** Runs beside going on now, for pre-emption. */
    private final Set<Beside<?>> besides = ConcurrentHashMap.newKeySet();
    /** Conductors waiting for a slot: while any does, nothing starts beside. */
    private final AtomicInteger waiting = new AtomicInteger();
    /** Runs beside pre-empted and not yet ended. */
    private final AtomicInteger stopping = new AtomicInteger();

    private TestSlots(Semaphore free, boolean preemptive) {
        this.free = free;
        this.preemptive = preemptive;
    }

    /** {@code n} slots (n at least 1); a conductor waits for a run beside to end. */
    public static TestSlots of(int n) {
        return new TestSlots(new Semaphore(positive(n)), false);
    }

    /** {@code n} slots (n at least 1); a conductor that finds none free pre-empts a run beside. */
    public static TestSlots preemptive(int n) {
        return new TestSlots(new Semaphore(positive(n)), true);
    }

    private static int positive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("test slots: " + n);
        }
        return n;
    }

    /** No limit on the conductors' own runs, and never a run beside them: each feature's runs one after another. */
    public static TestSlots unlimited() {
        return new TestSlots(null, false);
    }

    /**
     * Runs {@code work} in a slot, waiting for one; pre-emptive slots first stop a run beside, if one
     * goes on, when none is free.
     */
    public <T> T run(Callable<T> work) throws Exception {
        if (free == null) {
            return work.call();
        }
        if (!preemptive) {
            free.acquire();
        } else if (!free.tryAcquire()) {
            waiting.incrementAndGet();
            try {
                preemptOne();
                // a run beside that took its slot just as this began waiting is pre-empted on the next round
                while (!free.tryAcquire(PREEMPT_ROUND_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    preemptOne();
                }
            } finally {
                waiting.decrementAndGet();
            }
        }
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
        if (free == null) {
            return null;
        }
        Beside<T> beside = new Beside<>(work, this);
        // known before it has a slot, so a conductor that starts waiting meanwhile can pre-empt it
        besides.add(beside);
        if (waiting.get() > 0 || !free.tryAcquire()) {
            besides.remove(beside);
            if (beside.stoppedUnstarted()) {
                stopping.decrementAndGet(); // pre-empted before it had a slot: it never ends to say so
            }
            return null;
        }
        try {
            Thread thread = new Thread(beside::work, name);
            thread.setDaemon(true);
            beside.thread = thread;
            thread.start();
        } catch (RuntimeException | Error e) {
            besides.remove(beside);
            if (beside.stoppedUnstarted()) {
                stopping.decrementAndGet();
            }
            free.release();
            throw e;
        }
        return beside;
    }

    /**
     * Interrupts one run beside not yet pre-empted, if any; it gives its slot back as it ends. Only
     * while fewer are being stopped than conductors wait: stopping one (killing its processes, removing
     * its workspace) takes longer than a waiting round, and each waiting conductor needs one slot.
     */
    private void preemptOne() {
        if (stopping.get() >= waiting.get()) {
            return;
        }
        for (Beside<?> beside : besides) {
            if (beside.preempt()) {
                stopping.incrementAndGet();
                return;
            }
        }
    }

    private void ended(Beside<?> beside, boolean preempted) {
        besides.remove(beside);
        if (preempted) {
            stopping.decrementAndGet();
        }
        free.release();
    }

    /** Slots free now (for tests). */
    int available() {
        return free == null ? Integer.MAX_VALUE : free.availablePermits();
    }

    /** Work going on beside a conductor's own: its result is taken or it is stopped, and then it is over. */
    public static final class Beside<T> {
        private final Callable<T> work;
        private final TestSlots slots;
        private volatile Thread thread;
        private T value;
        /** What the work threw: an exception, or an error (out of memory, say), given to the caller as it is. */
        private Throwable failure;
        private boolean preempted;
        private boolean over;
        /** Whether this run is among {@link #interruptedRuns()} already (pre-empted, then stopped, counts once). */
        private boolean counted;

        private Beside(Callable<T> work, TestSlots slots) {
            this.work = work;
            this.slots = slots;
        }

        /** Whether it was pre-empted before it had a thread (and so will never end by itself); marks it over. */
        private synchronized boolean stoppedUnstarted() {
            over = true;
            return preempted;
        }

        private synchronized void countInterrupt() {
            if (!counted) {
                counted = true;
                INTERRUPTED.incrementAndGet();
            }
        }

        /** Marks the work pre-empted and interrupts it; false when it was already, or has ended. */
        private boolean preempt() {
            synchronized (this) {
                if (preempted || over) {
                    return false;
                }
                preempted = true;
            }
            Thread started = thread;
            if (started != null) {
                countInterrupt();
                started.interrupt();
            } // else its thread has not started: it sees the mark and does nothing
            return true;
        }

        private void work() {
            try {
                synchronized (this) {
                    if (preempted) {
                        return; // pre-empted before it began: the finally below gives the slot back
                    }
                }
                T v = work.call();
                synchronized (this) {
                    value = v;
                }
            } catch (Exception | Error e) {
                if (e instanceof Error) {
                    // said here as well: a caller that stops the work instead of taking it never sees it
                    System.getLogger(TestSlots.class.getName()).log(System.Logger.Level.ERROR,
                            "work beside a RED proof failed: " + e, e);
                }
                synchronized (this) {
                    failure = e;
                }
            } finally {
                boolean wasPreempted;
                synchronized (this) {
                    over = true;
                    wasPreempted = preempted;
                }
                slots.ended(this, wasPreempted);
            }
        }

        /**
         * Waits for the work to end and returns its result, or throws what it threw; {@code null} when
         * it was pre-empted (a conductor needed its slot): the caller then does the work in turn.
         */
        public T get() throws Exception {
            thread.join();
            synchronized (this) {
                if (preempted) {
                    return null;
                }
                if (failure instanceof InterruptedException) {
                    // only stop() and pre-emption interrupt the work: this is neither, so not the caller's own interrupt
                    throw new IllegalStateException("the run beside was interrupted by something else", failure);
                }
                if (failure instanceof Error error) {
                    throw error; // not taken for a pre-emption (no value): the conductor ends the feature with it
                }
                if (failure != null) {
                    throw (Exception) failure;
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
            if (thread.isAlive()) {
                countInterrupt();
            }
            thread.interrupt();
            Uninterruptibly.join(thread);
        }
    }
}
