package dev.redyellow.exec;

import java.nio.charset.StandardCharsets;

/**
 * The last {@code capacity} bytes of a process's combined output, kept in a ring so memory does
 * not grow with the amount of output. Thread-safe: both stream readers append to it.
 */
public final class ProcessOutputTail {

    private final byte[] ring;
    private long total;

    public ProcessOutputTail(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        ring = new byte[capacity];
    }

    public synchronized void append(byte[] bytes, int offset, int length) {
        int skip = Math.max(0, length - ring.length);
        total += skip;
        int from = offset + skip;
        int remaining = length - skip;
        while (remaining > 0) {
            int position = (int) (total % ring.length);
            int chunk = Math.min(remaining, ring.length - position);
            System.arraycopy(bytes, from, ring, position, chunk);
            from += chunk;
            remaining -= chunk;
            total += chunk;
        }
    }

    /** The bytes appended in total, including those no longer kept. */
    public synchronized long totalBytes() {
        return total;
    }

    /** The kept bytes as UTF-8; a character cut at the start of the tail is dropped, not mangled. */
    @Override
    public synchronized String toString() {
        int size = (int) Math.min(total, ring.length);
        byte[] ordered = new byte[size];
        int start = (int) ((total - size) % ring.length);
        for (int i = 0; i < size; i++) {
            ordered[i] = ring[(start + i) % ring.length];
        }
        int first = 0;
        while (total > size && first < size && first < 3 && (ordered[first] & 0xC0) == 0x80) {
            first++;
        }
        return new String(ordered, first, size - first, StandardCharsets.UTF_8);
    }
}
