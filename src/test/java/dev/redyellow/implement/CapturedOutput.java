package dev.redyellow.implement;

import dev.redyellow.exec.OutputSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps everything written to it, both streams interleaved as they came, and whether it was closed. */
final class CapturedOutput implements OutputSink {
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private int writes;

    @Override
    public synchronized void write(Stream stream, byte[] bytes, int offset, int length) {
        all.write(bytes, offset, length);
        if (stream == Stream.STDOUT) {
            stdout.write(bytes, offset, length);
        }
        writes++;
    }

    synchronized String text() {
        return all.toString(StandardCharsets.UTF_8);
    }

    synchronized String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    synchronized int writes() {
        return writes;
    }
}
