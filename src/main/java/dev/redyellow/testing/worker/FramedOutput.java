package dev.redyellow.testing.worker;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * What the tests write to System.out or System.err, sent to the host as frames of that stream, so
 * it cannot be mistaken for the protocol and reaches the run's output live.
 */
final class FramedOutput extends OutputStream {

    private final FrameChannel channel;
    private final Frame.Kind kind;

    FramedOutput(FrameChannel channel, Frame.Kind kind) {
        this.channel = channel;
        this.kind = kind;
    }

    @Override
    public void write(int b) {
        channel.send(new Frame(kind, new byte[] {(byte) b}));
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (length > 0) {
            channel.send(new Frame(kind, Arrays.copyOfRange(bytes, offset, offset + length)));
        }
    }
}
