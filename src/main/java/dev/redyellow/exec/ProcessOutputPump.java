package dev.redyellow.exec;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;

/** Copies one output stream of a process to a sink and the shared tail, until end of stream. */
final class ProcessOutputPump implements Runnable {

    private static final System.Logger LOG = System.getLogger(ProcessOutputPump.class.getName());
    private static final int BUFFER_BYTES = 8192;

    private final InputStream input;
    private final OutputSink.Stream stream;
    private final ProcessOutputTail tail;
    private volatile OutputSink sink;

    ProcessOutputPump(InputStream input, OutputSink.Stream stream, OutputSink sink, ProcessOutputTail tail) {
        this.input = input;
        this.stream = stream;
        this.sink = sink;
        this.tail = tail;
    }

    OutputSink.Stream stream() {
        return stream;
    }

    /** Stops passing output on; the stream is still drained so the process never blocks on it. */
    void detach() {
        sink = OutputSink.DISCARD;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (input) {
            int read;
            while ((read = input.read(buffer)) != -1) {
                tail.append(buffer, 0, read);
                deliver(buffer, read);
            }
        } catch (IOException e) {
            // The stream is closed under us when the process is killed: the output simply ends.
            LOG.log(Level.DEBUG, "reading " + stream + " ended: " + e.getMessage());
        }
    }

    private void deliver(byte[] buffer, int length) {
        try {
            sink.write(stream, buffer, 0, length);
        } catch (RuntimeException e) {
            // A broken consumer must not stop the draining, or the process would block on a full pipe.
            LOG.log(Level.ERROR, "output sink failed on " + stream + "; further output of this stream is dropped", e);
            sink = OutputSink.DISCARD;
        }
    }
}
