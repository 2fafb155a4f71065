package dev.redyellow.testing.worker;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The worker's side of its standard output: whole frames, one writer at a time, flushed at once so
 * the host sees test output live.
 */
final class FrameChannel {

    private final DataOutputStream out;

    FrameChannel(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    synchronized void send(Frame frame) {
        try {
            frame.writeTo(out);
            out.flush();
        } catch (IOException e) {
            // The host is gone; nothing is left to report to.
            throw new UncheckedIOException("the host closed the worker's output", e);
        }
    }
}
