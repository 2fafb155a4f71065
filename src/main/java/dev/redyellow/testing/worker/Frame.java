package dev.redyellow.testing.worker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * One message of the worker protocol: a kind and a payload, written as a marker byte, the kind,
 * the payload length and the payload. The marker and the length bound let the reader notice at once
 * when something other than the protocol wrote to the stream.
 */
public record Frame(Kind kind, byte[] payload) {

    /** The biggest payload a reader accepts; anything longer means the stream is corrupt. */
    public static final int MAX_PAYLOAD = 64 * 1024 * 1024;
    private static final int MARKER = 0xA7;

    public enum Kind {
        /** Worker to host: started and ready for a run. */
        READY,
        /** Host to worker: run the tests of a workspace ({@link WorkerRequest}). */
        RUN,
        /** Worker to host: bytes the tests wrote to System.out. */
        STDOUT,
        /** Worker to host: bytes the tests wrote to System.err. */
        STDERR,
        /** Worker to host: the run is over ({@link WorkerReply}). */
        RESULT,
        /** Worker to host: the JVM is shutting down during a run (a test called System.exit). */
        EXITING
    }

    public Frame {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("frame payload too long: " + payload.length);
        }
    }

    public static Frame of(Kind kind) {
        return new Frame(kind, new byte[0]);
    }

    /** Writes the frame without flushing. */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeByte(MARKER);
        out.writeByte(kind.ordinal());
        out.writeInt(payload.length);
        out.write(payload);
    }

    /**
     * Reads the next frame.
     *
     * @throws EOFException           when the stream ends cleanly between frames
     * @throws CorruptStreamException when the bytes are not a frame
     */
    public static Frame readFrom(DataInputStream in) throws IOException {
        int marker = in.read();
        if (marker < 0) {
            throw new EOFException("the stream ended");
        }
        if (marker != MARKER) {
            throw new CorruptStreamException("expected a frame marker, found byte " + marker);
        }
        int kind = in.readUnsignedByte();
        int length = in.readInt();
        if (kind >= Kind.values().length || length < 0 || length > MAX_PAYLOAD) {
            throw new CorruptStreamException("bad frame header: kind " + kind + ", length " + length);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(Kind.values()[kind], payload);
    }

    /** The stream holds something other than frames. */
    public static final class CorruptStreamException extends IOException {
        private static final long serialVersionUID = 1L;

        public CorruptStreamException(String message) {
            super(message);
        }
    }
}
