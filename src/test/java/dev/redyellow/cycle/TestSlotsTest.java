package dev.redyellow.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestSlotsTest {

    /** A conductor's thread that has taken a slot for its own run and holds it until {@code release}. */
    private static Thread holdingOwnSlot(TestSlots slots, CountDownLatch release) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        Thread own = new Thread(() -> {
            try {
                slots.run(() -> {
                    held.countDown();
                    release.await();
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        own.start();
        assertTrue(held.await(10, TimeUnit.SECONDS), "the conductor has its slot");
        return own;
    }

    /** Work beside that sleeps ten minutes unless interrupted, then takes {@code cleanUpMillis} to end. */
    private static TestSlots.Beside<String> sleeper(TestSlots slots, String name, CountDownLatch started,
                                                    CountDownLatch ended, long cleanUpMillis) {
        return slots.beside(name, () -> {
            started.countDown();
            try {
                Thread.sleep(600_000);
                return "slept";
            } finally {
                Thread.sleep(cleanUpMillis);
                ended.countDown();
            }
        });
    }

    /**
     * An error thrown beside (out of memory, say) reaches the caller as it is: it is not taken for a
     * pre-emption (no value, so the work would be done again in turn), and the slot is given back.
     */
    @Test
    void anErrorBesideReachesTheCallerAndTheSlotIsGivenBack() throws Exception {
        TestSlots slots = TestSlots.of(2);
        TestSlots.Beside<String> beside = slots.run(() -> slots.beside("test-beside", () -> {
            throw new OutOfMemoryError("Java heap space (thrown by the test)");
        }));
        assertNotNull(beside);
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, beside::get);
        assertEquals("Java heap space (thrown by the test)", e.getMessage());
        assertEquals(2, slots.available(), "both slots free again");
    }

    @Test
    void workBesideTakesOnlyASlotThatIsFreeAndGivesItBack() throws Exception {
        TestSlots slots = TestSlots.of(2);
        CountDownLatch release = new CountDownLatch(1);
        TestSlots.Beside<String> beside = slots.run(() -> {
            TestSlots.Beside<String> b = slots.beside("test-beside", () -> {
                release.await();
                return "done";
            });
            assertNotNull(b, "one slot was free");
            assertEquals(0, slots.available());
            assertNull(slots.beside("test-none", () -> "never"), "no slot free: no work beside");
            return b;
        });
        release.countDown();
        assertEquals("done", beside.get());
        assertEquals(2, slots.available());
    }

    @Test
    void whatTheWorkThrewComesFromGet() {
        TestSlots slots = TestSlots.of(1);
        TestSlots.Beside<String> beside = slots.beside("test-throws", () -> {
            throw new IOException("disk full");
        });
        assertEquals("disk full", assertThrows(IOException.class, beside::get).getMessage());
        assertEquals(1, slots.available());
    }

    @Test
    void stopInterruptsTheWorkAndReturnsOnlyOnceItEnded() throws Exception {
        TestSlots slots = TestSlots.of(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        // cleaning up takes a while, interrupted or not
        TestSlots.Beside<String> beside = sleeper(slots, "test-stop", started, ended, 200);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        long interrupted = TestSlots.interruptedRuns();
        beside.stop();
        assertEquals(0, ended.getCount(), "stop returned before the work ended");
        assertEquals(1, slots.available());
        assertEquals(interrupted + 1, TestSlots.interruptedRuns(), "counted for the bench");
        beside.stop();
        assertEquals(interrupted + 1, TestSlots.interruptedRuns(), "a run that has ended is not interrupted again");
    }

    @Test
    void aConductorNeedingASlotPreemptsWorkBesideWhichThenGivesNoResult() throws Exception {
        TestSlots slots = TestSlots.preemptive(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        TestSlots.Beside<String> beside = sleeper(slots, "test-preempted", started, ended, 0);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        long interrupted = TestSlots.interruptedRuns();
        long begun = System.nanoTime();
        String own = slots.run(() -> {
            assertEquals(0, ended.getCount(), "the work beside ended before the conductor's own took its slot");
            return "own";
        });
        assertEquals("own", own);
        assertTrue(System.nanoTime() - begun < TimeUnit.SECONDS.toNanos(60), "did not wait for the work beside to end by itself");
        assertNull(beside.get(), "pre-empted: no result, the conductor does the work in turn");
        assertEquals(1, slots.available());
        assertEquals(interrupted + 1, TestSlots.interruptedRuns(), "the pre-emption is counted");
        beside.stop();
        assertEquals(interrupted + 1, TestSlots.interruptedRuns(), "pre-empted, then stopped: one run interrupted");
    }

    @Test
    void preemptionFreesOnlyTheSlotOfTheWorkBesideNotAConductorsOwn() throws Exception {
        TestSlots slots = TestSlots.preemptive(2);
        CountDownLatch releaseOwn = new CountDownLatch(1);
        Thread first = holdingOwnSlot(slots, releaseOwn);
        CountDownLatch besideStarted = new CountDownLatch(1);
        TestSlots.Beside<String> beside = slots.beside("test-beside", () -> {
            besideStarted.countDown();
            Thread.sleep(600_000);
            return "slept";
        });
        assertNotNull(beside);
        assertTrue(besideStarted.await(10, TimeUnit.SECONDS));
        String second = slots.run(() -> {
            // this conductor took the slot of the pre-empted work; the first still holds the other
            assertNull(slots.beside("test-none", () -> "never"), "no slot free");
            return "second";
        });
        assertEquals("second", second);
        assertNull(beside.get());
        releaseOwn.countDown();
        first.join(10_000);
        assertEquals(2, slots.available());
    }

    @Test
    void workBesideThatEndedBeforeAConductorCameKeepsItsResult() throws Exception {
        TestSlots slots = TestSlots.preemptive(1);
        TestSlots.Beside<String> beside = slots.beside("test-done", () -> "done");
        assertEquals("done", beside.get());
        assertEquals("own", slots.run(() -> "own"));
        assertEquals("done", beside.get(), "work that ended is not pre-empted afterwards");
    }

    @Test
    void manyConductorsAndRunsBesideOnPreemptiveSlotsNeverHoldMoreSlotsThanThereAreAndAllEnd() throws Exception {
        TestSlots slots = TestSlots.preemptive(2);
        java.util.concurrent.atomic.AtomicInteger inSlots = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Callable<String> held = () -> {
            most.accumulateAndGet(inSlots.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
                return "done";
            } finally {
                inSlots.decrementAndGet();
            }
        };
        java.util.List<Thread> conductors = new java.util.ArrayList<>();
        java.util.List<String> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int c = 0; c < 4; c++) {
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < 50; i++) {
                        TestSlots.Beside<String> beside = slots.beside("test-many", held);
                        slots.run(held);
                        if (beside != null) {
                            String got = beside.get(); // "done", or null when a conductor pre-empted it
                            if (got != null && !got.equals("done")) {
                                failures.add(got);
                            }
                        }
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            });
            conductors.add(t);
            t.start();
        }
        for (Thread t : conductors) {
            t.join(60_000);
            assertTrue(!t.isAlive(), "every conductor ended");
        }
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(most.get() <= 2, "at most as many at once as slots: " + most.get());
        assertEquals(2, slots.available(), "every slot given back");
    }

    @Test
    void aWaitingConductorPreemptsOneRunBesideEvenWhenStoppingItTakesLongerThanAWaitingRound() throws Exception {
        TestSlots slots = TestSlots.preemptive(4);
        CountDownLatch releaseOwn = new CountDownLatch(1);
        Thread own = holdingOwnSlot(slots, releaseOwn);
        java.util.List<TestSlots.Beside<String>> besides = new java.util.ArrayList<>();
        CountDownLatch started = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            // each takes 300 ms to stop, far longer than a waiting round of 20 ms
            besides.add(sleeper(slots, "test-slow-stop-" + i, started, new CountDownLatch(1), 300));
        }
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertEquals("mine", slots.run(() -> "mine"));
        int preempted = 0;
        for (TestSlots.Beside<String> b : besides) {
            b.stop();
            try {
                preempted += b.get() == null ? 1 : 0;
            } catch (IllegalStateException stoppedNotPreempted) {
                // stop() interrupted it: not pre-empted
            }
        }
        releaseOwn.countDown();
        own.join(10_000);
        assertEquals(1, preempted, "one conductor needed one slot");
        assertEquals(4, slots.available());
    }

    @Test
    void withoutPreemptionAConductorWaitsForWorkBesideToEnd() throws Exception {
        TestSlots slots = TestSlots.of(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestSlots.Beside<String> beside = slots.beside("test-kept", () -> {
            started.countDown();
            release.await();
            return "done";
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        releaser.start();
        assertEquals("own", slots.run(() -> "own"));
        assertEquals("done", beside.get(), "the work beside ran to its end and kept its result");
        releaser.join();
    }

    @Test
    void unlimitedSlotsNeverWorkBeside() throws Exception {
        TestSlots slots = TestSlots.unlimited();
        assertNull(slots.beside("test-unlimited", () -> "never"));
        assertEquals("ran", slots.run(() -> "ran"));
    }
}
