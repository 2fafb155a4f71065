package dev.redyellow.ui;

import dev.redyellow.stream.Chunk;
import dev.redyellow.stream.ChunkKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns chunks into lines on the streaming thread and holds at most {@code capacity} of them until
 * the next frame takes them: when output outruns the frames, the oldest waiting lines go (the log file
 * keeps everything) and are counted. A line split across chunks is joined; an endless line is cut.
 */
final class LineBuffer {
    static final int LONGEST_LINE = 4000;

    private final int capacity;
    private final ArrayDeque<StreamLine> waiting = new ArrayDeque<>();
    private final Map<Source, StringBuilder> partial = new HashMap<>();
    private long dropped;

    LineBuffer(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(Chunk chunk) {
        Source source = new Source(chunk.featureId(), chunk.attempt(), chunk.kind());
        StringBuilder line = partial.computeIfAbsent(source, k -> new StringBuilder());
        String text = chunk.text();
        int from = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
            line.append(text, from, nl > from && text.charAt(nl - 1) == '\r' ? nl - 1 : nl);
            push(source, line);
            from = nl + 1;
        }
        line.append(text, from, text.length());
        if (line.length() > LONGEST_LINE) {
            push(source, line);
        }
    }

    /** Ends the unfinished last lines (output that did not end with a newline). */
    synchronized void endLines() {
        partial.forEach((source, line) -> {
            if (line.length() > 0) {
                push(source, line);
            }
        });
        partial.clear();
    }

    private record Source(String featureId, int attempt, ChunkKind kind) {
    }

    private void push(Source source, StringBuilder line) {
        waiting.addLast(new StreamLine(source.featureId(), source.attempt(), source.kind(), line.toString()));
        line.setLength(0);
        if (waiting.size() > capacity) {
            waiting.removeFirst();
            dropped++;
        }
    }

    /** The lines waiting since the last call, oldest first. */
    synchronized List<StreamLine> take() {
        List<StreamLine> lines = new ArrayList<>(waiting);
        waiting.clear();
        return lines;
    }

    /** Lines dropped so far because frames could not keep up. */
    synchronized long dropped() {
        return dropped;
    }

    synchronized void clear() {
        waiting.clear();
        partial.clear();
        dropped = 0;
    }
}
