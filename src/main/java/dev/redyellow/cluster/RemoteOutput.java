package dev.redyellow.cluster;

import dev.redyellow.exec.OutputSink;
import java.util.TreeMap;

/**
 * A remote run's output as it arrives from the topic, written to the request's sink in the order the
 * member wrote it (chunks carry a sequence number), so the coordinator can wait for the last one
 * before it returns the result.
 */
final class RemoteOutput {
    private final OutputSink sink;
    private final TreeMap<Long, OutputChunk> early = new TreeMap<>();
    private long next;

    RemoteOutput(OutputSink sink) {
        this.sink = sink;
    }

    synchronized void accept(OutputChunk chunk) {
        if (chunk.seq() < next) {
            return;
        }
        early.put(chunk.seq(), chunk);
        while (!early.isEmpty() && early.firstKey() == next) {
            OutputChunk c = early.pollFirstEntry().getValue();
            sink.write(c.stderr() ? OutputSink.Stream.STDERR : OutputSink.Stream.STDOUT, c.bytes(), 0, c.bytes().length);
            next++;
        }
        notifyAll();
    }

    /** Waits until {@code count} chunks were written, at most {@code millis}; whether they all were. */
    synchronized boolean await(long count, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (next < count) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
