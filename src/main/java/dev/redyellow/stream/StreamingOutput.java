package dev.redyellow.stream;

import dev.redyellow.exec.OutputSink;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The bridge from the engine's processes to the publisher. Each step of a feature (the RED proof,
 * an implementer run, a test run of an attempt) opens a {@link StepSink}, hands it to the process
 * as its {@link OutputSink}, and closes it when the process's readers are done.
 *
 * <p>Standard output is published with the kind given to {@link #open}; standard error is always
 * published as {@link ChunkKind#ERROR}, so viewers can show it apart. Both go to the same log file
 * in arrival order, so nothing is lost by the distinction.
 */
public final class StreamingOutput {

    public static final int DEFAULT_MAX_CHUNK_BYTES = 8 * 1024;

    private final ChunkPublisher publisher;
    private final int maxChunkBytes;

    public StreamingOutput(ChunkPublisher publisher) {
        this(publisher, DEFAULT_MAX_CHUNK_BYTES);
    }

    /** @param maxChunkBytes largest chunk, at least {@link Utf8Chunker#MIN_CHUNK_BYTES} */
    public StreamingOutput(ChunkPublisher publisher, int maxChunkBytes) {
        if (maxChunkBytes < Utf8Chunker.MIN_CHUNK_BYTES) {
            throw new IllegalArgumentException("maxChunkBytes must be >= " + Utf8Chunker.MIN_CHUNK_BYTES);
        }
        this.publisher = Objects.requireNonNull(publisher);
        this.maxChunkBytes = maxChunkBytes;
    }

    /** A sink for one step's process output; {@code kind} is the kind of its standard output. */
    public StepSink open(String featureId, int attempt, ChunkKind kind) {
        Objects.requireNonNull(featureId);
        Objects.requireNonNull(kind);
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0, was " + attempt);
        }
        return new StepSink(chunker(featureId, attempt, kind), chunker(featureId, attempt, ChunkKind.ERROR));
    }

    /** Publishes one progress line (a newline is added when missing), cut like any output. */
    public void progress(String featureId, int attempt, String line) {
        String text = line.endsWith("\n") ? line : line + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Utf8Chunker chunker = chunker(featureId, attempt, ChunkKind.PROGRESS);
        chunker.write(bytes, 0, bytes.length);
        chunker.flush();
    }

    private Utf8Chunker chunker(String featureId, int attempt, ChunkKind kind) {
        return new Utf8Chunker(maxChunkBytes,
                (bytes, offset, length) -> publisher.publish(featureId, attempt, kind, bytes, offset, length));
    }

    /**
     * One step's output: called by the process's two reader threads, one chunker per stream.
     * {@link #close()} flushes what each chunker held back and must come after the readers finished.
     */
    public static final class StepSink implements OutputSink, AutoCloseable {
        private final Utf8Chunker stdout;
        private final Utf8Chunker stderr;
        private volatile boolean closed;

        private StepSink(Utf8Chunker stdout, Utf8Chunker stderr) {
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public void write(Stream stream, byte[] bytes, int offset, int length) {
            if (closed) {
                throw new IllegalStateException("output arrived after the step's sink was closed");
            }
            (stream == Stream.STDERR ? stderr : stdout).write(bytes, offset, length);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                stdout.flush();
                stderr.flush();
            }
        }
    }
}
