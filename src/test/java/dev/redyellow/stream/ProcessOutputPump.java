package dev.redyellow.stream;

import dev.redyellow.exec.OutputSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test stand-in for the exec package's readers: one thread per stream feeding an {@link OutputSink}. */
final class ProcessOutputPump {

    private ProcessOutputPump() {
    }

    /** Reads both streams of {@code process} to their end with buffers of {@code bufferBytes}. */
    static void pump(Process process, OutputSink sink, int bufferBytes) throws InterruptedException {
        Thread out = reader(process.getInputStream(), OutputSink.Stream.STDOUT, sink, bufferBytes);
        Thread err = reader(process.getErrorStream(), OutputSink.Stream.STDERR, sink, bufferBytes);
        out.start();
        err.start();
        out.join();
        err.join();
    }

    private static Thread reader(InputStream in, OutputSink.Stream stream, OutputSink sink, int bufferBytes) {
        return new Thread(() -> {
            byte[] buffer = new byte[bufferBytes];
            try (in) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    sink.write(stream, buffer, 0, read);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "pump-" + stream);
    }
}
