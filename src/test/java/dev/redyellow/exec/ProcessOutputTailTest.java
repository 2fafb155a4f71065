package dev.redyellow.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcessOutputTailTest {

    @Test
    void keepsEverythingWhileUnderCapacity() {
        ProcessOutputTail tail = new ProcessOutputTail(16);
        append(tail, "abc");
        append(tail, "def");

        assertEquals("abcdef", tail.toString());
        assertEquals(6, tail.totalBytes());
    }

    @Test
    void keepsTheLastBytesAcrossManyWraps() {
        ProcessOutputTail tail = new ProcessOutputTail(5);
        for (int i = 0; i < 10; i++) {
            append(tail, "0123456789".substring(i, i + 1) + "ab");
        }

        assertEquals("ab9ab", tail.toString());
        assertEquals(30, tail.totalBytes());
    }

    @Test
    void keepsTheEndOfAnAppendLargerThanTheCapacity() {
        ProcessOutputTail tail = new ProcessOutputTail(4);
        append(tail, "xy");
        append(tail, "abcdefgh");

        assertEquals("efgh", tail.toString());
    }

    @Test
    void dropsACharacterCutInHalfAtTheStart() {
        ProcessOutputTail tail = new ProcessOutputTail(4);
        append(tail, "a\u00e9\u20ac"); // a(1) é(2) €(3): the last 4 bytes start inside é

        assertEquals("\u20ac", tail.toString());
    }

    private static void append(ProcessOutputTail tail, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        tail.append(bytes, 0, bytes.length);
    }
}
