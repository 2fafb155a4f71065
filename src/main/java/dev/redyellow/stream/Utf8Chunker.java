package dev.redyellow.stream;

/**
 * Cuts one byte stream, written in pieces split anywhere, into chunks of at most {@code maxChunkBytes}
 * that end on UTF-8 character boundaries. An incomplete sequence at the end of a write (at most 3
 * bytes) is held back until the next write; {@link #flush()} at the end of the stream emits it even
 * if it never completes, so no byte is ever lost. Bytes that are not valid UTF-8 are passed through
 * as they are and cut like single-byte characters.
 *
 * <p>One chunker per (feature, attempt, stream). Its methods are synchronized only so that the
 * step's end may flush from another thread than the reader's; they are not meant to be shared.
 */
public final class Utf8Chunker {

    /** Below this a chunk could not hold a 4-byte character plus held bytes with room to spare. */
    public static final int MIN_CHUNK_BYTES = 16;

    /** Receives each chunk's bytes; must copy them before returning (the array is reused). */
    @FunctionalInterface
    public interface Emitter {
        void emit(byte[] bytes, int offset, int length);
    }

    private final int maxChunkBytes;
    private final Emitter emitter;
    /**
     * The held bytes, and where a write that completes them is joined to them: a few bytes until a
     * write ends inside a character, then {@code maxChunkBytes} (most streams never need that, and
     * a run opens a chunker per stream of every step).
     */
    private byte[] scratch = new byte[4];
    private int held;

    public Utf8Chunker(int maxChunkBytes, Emitter emitter) {
        if (maxChunkBytes < MIN_CHUNK_BYTES) {
            throw new IllegalArgumentException("maxChunkBytes must be >= " + MIN_CHUNK_BYTES + ", was " + maxChunkBytes);
        }
        this.maxChunkBytes = maxChunkBytes;
        this.emitter = emitter;
    }

    public synchronized void write(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + bytes.length);
        }
        int position = offset;
        int end = offset + length;
        if (held > 0) {
            position = writeAfterHeld(bytes, offset, length);
            if (position < 0) {
                return;
            }
        }
        while (end - position > maxChunkBytes) {
            int cut = boundaryBefore(bytes, position, position + maxChunkBytes);
            emitter.emit(bytes, position, cut - position);
            position = cut;
        }
        int cut = boundaryBefore(bytes, position, end);
        if (cut > position) {
            emitter.emit(bytes, position, cut - position);
        }
        System.arraycopy(bytes, cut, scratch, 0, end - cut);
        held = end - cut;
    }

    /** Emits what is held back (an incomplete or invalid sequence at the end of the stream). */
    public synchronized void flush() {
        if (held > 0) {
            emitter.emit(scratch, 0, held);
            held = 0;
        }
    }

    /** Bytes held back, waiting for the rest of their character. */
    public synchronized int heldBytes() {
        return held;
    }

    /**
     * Joins the held bytes with the start of the new write in the scratch buffer. Returns where the
     * rest of the write continues, or -1 when the write was used up (and the new tail is held).
     */
    private int writeAfterHeld(byte[] bytes, int offset, int length) {
        if (scratch.length < maxChunkBytes) {
            scratch = java.util.Arrays.copyOf(scratch, maxChunkBytes);
        }
        int taken = Math.min(length, maxChunkBytes - held);
        System.arraycopy(bytes, offset, scratch, held, taken);
        int filled = held + taken;
        if (taken == length) {
            int cut = boundaryBefore(scratch, 0, filled);
            if (cut > 0) {
                emitter.emit(scratch, 0, cut);
            }
            System.arraycopy(scratch, cut, scratch, 0, filled - cut);
            held = filled - cut;
            return -1;
        }
        // The scratch is full and more follows: cut it like any full chunk. The cut lies at most 3
        // bytes before its end, past the held bytes, so only bytes of this write are left over.
        int cut = boundaryBefore(scratch, 0, filled);
        emitter.emit(scratch, 0, cut);
        int consumed = cut - held;
        held = 0;
        return offset + consumed;
    }

    /**
     * The largest cut point {@code <= to} that does not split a character whose first byte lies in
     * {@code [from, to)}: the start of a trailing incomplete sequence, or {@code to} itself.
     */
    static int boundaryBefore(byte[] bytes, int from, int to) {
        int lead = to - 1;
        int continuations = 0;
        while (lead >= from && continuations < 3 && isContinuation(bytes[lead])) {
            lead--;
            continuations++;
        }
        if (lead < from || isContinuation(bytes[lead])) {
            return to; // stray continuation bytes: invalid, pass them on
        }
        return lead + sequenceLength(bytes[lead]) > to ? lead : to;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** Length announced by a lead byte; 1 for ASCII and for bytes that cannot start a sequence. */
    private static int sequenceLength(byte b) {
        int lead = b & 0xFF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 1;
    }
}
