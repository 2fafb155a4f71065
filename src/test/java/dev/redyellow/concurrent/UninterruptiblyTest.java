package dev.redyellow.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Each wait is interrupted while it waits, twice, and must go on until what it waits for is there,
 * then return with the interrupt set again. Ordering by thread states and latches, not by sleeps.
 */
class UninterruptiblyTest {

    /** What a waiting thread saw when its wait returned. */
    private record Seen(Object value, boolean interrupted, boolean awaitedEnded) {
    }

    @Test
    void joinWaitsForTheThreadThroughInterruptsAndKeepsTheInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread awaited = new Thread(() -> awaitQuietly(release), "awaited");
        awaited.start();
        AtomicReference<Seen> seen = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            Uninterruptibly.join(awaited);
            seen.set(new Seen(null, Thread.currentThread().isInterrupted(), !awaited.isAlive()));
        }, "waiter");
        waiter.start();
        interruptTwiceWhileWaiting(waiter);
        assertEquals(null, seen.get(), "the join returned before the thread it waits for ended");
        release.countDown();
        waiter.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(seen.get().awaitedEnded(), "returned while the thread still ran");
        assertTrue(seen.get().interrupted(), "the interrupt was lost");
    }

    @Test
    void getWaitsForTheResultThroughInterruptsAndKeepsTheInterrupt() throws Exception {
        CompletableFuture<String> future = new CompletableFuture<>();
        AtomicReference<Seen> seen = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                String value = Uninterruptibly.get(future);
                seen.set(new Seen(value, Thread.currentThread().isInterrupted(), future.isDone()));
            } catch (ExecutionException e) {
                seen.set(new Seen(e, Thread.currentThread().isInterrupted(), future.isDone()));
            }
        }, "waiter");
        waiter.start();
        interruptTwiceWhileWaiting(waiter);
        assertEquals(null, seen.get(), "the get returned before the result was there");
        future.complete("written");
        waiter.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(new Seen("written", true, true), seen.get());
    }

    @Test
    void getPassesTheFailureOn() {
        CompletableFuture<String> failed = CompletableFuture.failedFuture(new IllegalStateException("broken pipe"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> Uninterruptibly.get(failed));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertFalse(Thread.currentThread().isInterrupted(), "an interrupt appeared from nowhere");
    }

    @Test
    void takeWaitsForAnElementThroughInterruptsAndKeepsTheInterrupt() throws Exception {
        LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();
        AtomicReference<Seen> seen = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            String answer = Uninterruptibly.take(answers);
            seen.set(new Seen(answer, Thread.currentThread().isInterrupted(), answers.isEmpty()));
        }, "waiter");
        waiter.start();
        interruptTwiceWhileWaiting(waiter);
        assertEquals(null, seen.get(), "the take returned before an answer came");
        answers.add("yes");
        waiter.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(new Seen("yes", true, true), seen.get());
    }

    @Test
    void aWaitThatWasNotInterruptedLeavesNoInterrupt() throws Exception {
        Thread done = new Thread(() -> { }, "done");
        done.start();
        Uninterruptibly.join(done);
        assertEquals("now", Uninterruptibly.get(CompletableFuture.completedFuture("now")));
        LinkedBlockingQueue<String> one = new LinkedBlockingQueue<>(java.util.List.of("a"));
        assertEquals("a", Uninterruptibly.take(one));
        assertFalse(Thread.interrupted(), "an interrupt appeared from nowhere");
    }

    @Test
    void anInterruptSetBeforeTheWaitIsKept() throws Exception {
        Thread done = new Thread(() -> { }, "done");
        done.start();
        Thread.currentThread().interrupt();
        try {
            Uninterruptibly.join(done);
            assertFalse(done.isAlive());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt set before the wait was lost");
        } finally {
            Thread.interrupted(); // this test's thread goes back clean, whatever happened
        }
    }

    /** Interrupts {@code waiter} each time it waits, twice, so the wait has to go back to waiting once. */
    private static void interruptTwiceWhileWaiting(Thread waiter) throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            awaitWaiting(waiter);
            waiter.interrupt();
            awaitNotInterrupted(waiter);
        }
        awaitWaiting(waiter);
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != Thread.State.WAITING) {
            assertTrue(thread.isAlive(), thread.getName() + " ended instead of waiting");
            assertTrue(System.nanoTime() < deadline, thread.getName() + " never waited");
            Thread.sleep(1);
        }
    }

    /** Until the wait has taken the interrupt (an InterruptedException clears the flag). */
    private static void awaitNotInterrupted(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.isInterrupted() && thread.isAlive()) {
            assertTrue(System.nanoTime() < deadline, thread.getName() + " never took its interrupt");
            Thread.sleep(1);
        }
        assertTrue(thread.isAlive(), thread.getName() + " ended on the interrupt instead of waiting on");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
