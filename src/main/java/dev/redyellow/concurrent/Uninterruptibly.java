package dev.redyellow.concurrent;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits that go on through interrupts: the wait ends only when what it waits for has, and an interrupt
 * met meanwhile (or already set) is set again on return, for the caller's next interruptible step to
 * act on. For waits whose end matters more than their length: a thread that writes into the caller's
 * folder, a write that must not be torn, an answer that must not go to the next question.
 */
public final class Uninterruptibly {

    private Uninterruptibly() {
    }

    /** Waits until {@code thread} has ended. */
    public static void join(Thread thread) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    thread.join();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code future}'s result, waiting for it; its failure comes as {@link ExecutionException}. */
    public static <T> T get(Future<T> future) throws ExecutionException {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The head of {@code queue}, waiting for one. */
    public static <T> T take(BlockingQueue<T> queue) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
