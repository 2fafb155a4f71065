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
        TestSlots.Beside<String> beside = slots.beside("test-stop", () -> {
            started.countDown();
            try {
                Thread.sleep(600_000);
                return "slept";
            } finally {
                Thread.sleep(200); // cleaning up takes a while, interrupted or not
                ended.countDown();
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        beside.stop();
        assertEquals(0, ended.getCount(), "stop returned before the work ended");
        assertEquals(1, slots.available());
    }

    @Test
    void unlimitedSlotsNeverWorkBeside() throws Exception {
        TestSlots slots = TestSlots.unlimited();
        assertNull(slots.beside("test-unlimited", () -> "never"));
        assertEquals("ran", slots.run(() -> "ran"));
    }
}
