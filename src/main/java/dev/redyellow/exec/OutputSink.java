package dev.redyellow.exec;

/**
 * Receives a process's output as it is read, on the reader's thread. Implementations must be quick
 * and must not keep {@code bytes} (the buffer is reused after the call returns).
 */
@FunctionalInterface
public interface OutputSink extends AutoCloseable {

    /** Which stream the bytes came from. */
    enum Stream { STDOUT, STDERR }

    void write(Stream stream, byte[] bytes, int offset, int length);

    /** The step is over: flush what is held. Called once, after the last write. */
    @Override
    default void close() {
    }

    OutputSink DISCARD = (stream, bytes, offset, length) -> { };
}
