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
        through(() -> {
            thread.join();
            return null;
        });
    }

    /** {@code future}'s result, waiting for it; its failure comes as {@link ExecutionException}. */
    public static <T> T get(Future<T> future) throws ExecutionException {
        return through(future::get);
    }

    /** The head of {@code queue}, waiting for one. */
    public static <T> T take(BlockingQueue<T> queue) {
        return through(queue::take);
    }

    /** A wait that an interrupt ends early, and what else it may throw. */
    @FunctionalInterface
    private interface Wait<T, E extends Exception> {
        T await() throws InterruptedException, E;
    }

    /** Waits again after each interrupt until {@code wait} ends; the interrupt is set again on return. */
    private static <T, E extends Exception> T through(Wait<T, E> wait) throws E {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return wait.await();
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
