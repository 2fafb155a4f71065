package dev.redyellow.ui;

import dev.redyellow.stream.Chunk;
import dev.redyellow.stream.ChunkKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns chunks into lines for the output pane and holds the newest {@code capacity} of them until the
 * next frame takes them: when output outruns the frames, the older waiting lines go (the log file keeps
 * everything) and are counted. A line split across chunks is joined; an endless line is cut every
 * {@link #LONGEST_LINE} characters.
 *
 * <p>Chunks are kept as runs of complete lines and only the lines a frame takes are made into
 * {@link StreamLine}s. Under a flood almost every line is dropped: making each of them an object on
 * the streaming thread was a quarter of what a 50 MB run allocated, and garbage collection pauses
 * stop the window too.
 */
final class LineBuffer {
    static final int LONGEST_LINE = 4000;

    private final int capacity;
    /** Complete lines not taken yet, a run of text of one source each, oldest first. */
    private final ArrayDeque<Run> waiting = new ArrayDeque<>();
    private int waitingLines;
    private final Map<Source, StringBuilder> partial = new HashMap<>();
    private long dropped;

    LineBuffer(int capacity) {
        this.capacity = capacity;
    }

    private record Source(String featureId, int attempt, ChunkKind kind) {
    }

    /** Complete lines of one source: {@code text} ends with a line break; it holds {@code lines} lines. */
    private record Run(Source source, String text, int lines) {
    }

    synchronized void add(Chunk chunk) {
        Source source = new Source(chunk.featureId(), chunk.attempt(), chunk.kind());
        StringBuilder line = partial.computeIfAbsent(source, k -> new StringBuilder());
        String text = chunk.text();
        int last = text.lastIndexOf('\n');
        if (last < 0) {
            line.append(text);
        } else {
            String complete = line.isEmpty() ? text.substring(0, last + 1) : line.append(text, 0, last + 1).toString();
            line.setLength(0);
            line.append(text, last + 1, text.length());
            keep(new Run(source, complete, lines(complete)));
        }
        cutEndless(source, line);
    }

    /**
     * Passes on the whole {@link #LONGEST_LINE}-character pieces of an unfinished line that has grown
     * past that, keeping the rest (at least one character, and a trailing carriage return uncounted)
     * to be continued: a line cut across chunks is cut where a line given whole would be.
     */
    private void cutEndless(Source source, StringBuilder line) {
        int length = line.length() - (line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? 1 : 0);
        int cut = (length - 1) / LONGEST_LINE * LONGEST_LINE;
        for (int piece = 0; piece < cut; piece += LONGEST_LINE) {
            keep(new Run(source, line.substring(piece, piece + LONGEST_LINE) + "\n", 1));
        }
        if (cut > 0) {
            line.delete(0, cut);
        }
    }

    /** Ends the unfinished last lines (output that did not end with a newline). */
    synchronized void endLines() {
        partial.forEach((source, line) -> {
            if (line.length() > 0) {
                String text = line.append('\n').toString();
                keep(new Run(source, text, lines(text)));
            }
        });
        partial.clear();
    }

    private void keep(Run run) {
        waiting.addLast(run);
        waitingLines += run.lines();
        // Runs wholly older than the newest capacity lines can go now.
        while (waitingLines - waiting.peekFirst().lines() >= capacity) {
            Run gone = waiting.removeFirst();
            waitingLines -= gone.lines();
            dropped += gone.lines();
        }
    }

    /** The lines waiting since the last call, oldest first, at most {@code capacity}. */
    synchronized List<StreamLine> take() {
        int skip = Math.max(0, waitingLines - capacity);
        dropped += skip;
        List<StreamLine> lines = new ArrayList<>(Math.min(waitingLines, capacity));
        for (Run run : waiting) {
            int inRun = Math.min(skip, run.lines());
            split(run.text(), inRun, run.source(), lines);
            skip -= inRun;
        }
        waiting.clear();
        waitingLines = 0;
        return lines;
    }

    /** The lines of {@code text}: each line break ends one, and a line longer than {@link #LONGEST_LINE} counts as several. */
    private static int lines(CharSequence text) {
        int count = 0;
        for (int from = 0; from < text.length(); ) {
            int end = endOfLine(text, from);
            count += pieces(from, withoutReturn(text, from, end));
            from = end + 1;
        }
        return count;
    }

    /** Adds the lines of {@code text} after its first {@code skip} to {@code out}, without line break or carriage return. */
    private static void split(String text, int skip, Source source, List<StreamLine> out) {
        int index = 0;
        for (int from = 0; from < text.length(); ) {
            int end = endOfLine(text, from);
            int stop = withoutReturn(text, from, end);
            int n = pieces(from, stop);
            for (int piece = 0; piece < n; piece++, index++) {
                if (index >= skip) {
                    int start = from + piece * LONGEST_LINE;
                    out.add(new StreamLine(source.featureId(), source.attempt(), source.kind(),
                            text.substring(Math.min(start, stop), Math.min(stop, start + LONGEST_LINE))));
                }
            }
            from = end + 1;
        }
    }

    /** Where the line from {@code from} to its line break at {@code end} stops, a carriage return left out. */
    private static int withoutReturn(CharSequence text, int from, int end) {
        return end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** How many lines a line of text from {@code from} to {@code end} is shown as (an empty line is one). */
    private static int pieces(int from, int end) {
        return Math.max(1, (end - from + LONGEST_LINE - 1) / LONGEST_LINE);
    }

    /** The index of the line break that ends the line starting at {@code from} (or the text's length). */
    private static int endOfLine(CharSequence text, int from) {
        int nl = indexOfNewline(text, from);
        return nl < 0 ? text.length() : nl;
    }

    private static int indexOfNewline(CharSequence text, int from) {
        if (text instanceof String s) {
            return s.indexOf('\n', from);
        }
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Lines dropped so far because frames could not keep up. */
    synchronized long dropped() {
        return dropped;
    }

    synchronized void clear() {
        waiting.clear();
        waitingLines = 0;
        partial.clear();
        dropped = 0;
    }
}
