package dev.redyellow.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A piece of live output. Chunks made by {@link Utf8Chunker} never end inside a multibyte UTF-8
 * sequence, so {@link #text()} of each chunk on its own decodes exactly like the whole stream.
 *
 * @param featureId    the feature whose step produced the output
 * @param attempt      the attempt number; 0 is the RED proof
 * @param sequence     unique and strictly increasing per publisher (a skip marker carries the sequence
 *                     of the last chunk it stands for)
 * @param emittedNanos {@code System.nanoTime()} (or the injected ticker) when it was published
 * @param emittedAt    wall-clock time when it was published
 * @param bytes        the bytes, copied on the way in and on the way out; use {@link #writeTo} or
 *                     {@link #text()} to read them without a copy
 */
public record Chunk(String featureId, int attempt, ChunkKind kind, long sequence, long emittedNanos,
                    Instant emittedAt, byte[] bytes) {

    public Chunk {
        Objects.requireNonNull(featureId, "featureId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(emittedAt, "emittedAt");
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0, was " + attempt);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Number of bytes. */
    public int size() {
        return bytes.length;
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Chunk that
                && attempt == that.attempt && sequence == that.sequence && emittedNanos == that.emittedNanos
                && featureId.equals(that.featureId) && kind == that.kind && emittedAt.equals(that.emittedAt)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(featureId, attempt, kind, sequence, emittedNanos, emittedAt) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Chunk[" + featureId + "#" + attempt + " " + kind + " seq=" + sequence + " " + bytes.length + " bytes]";
    }
}
