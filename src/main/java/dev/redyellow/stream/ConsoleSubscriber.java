package dev.redyellow.stream;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * Prints live output for {@code redyellow run --stream}: each line prefixed by its feature and
 * attempt ({@code [slugify#2] ...}, {@code [slugify#red] ...} for the RED proof). Partial lines are
 * assembled per (feature, attempt) so that a prefix always lands at the start of a line even when
 * several features' output interleaves. Subscribe it buffered: a slow terminal then loses lines
 * (and says so) rather than slowing the tests.
 */
public final class ConsoleSubscriber implements Flow.Subscriber<Chunk> {

    /** What to print. */
    public enum Mode {
        /** Every chunk. */
        ALL,
        /** Only {@link ChunkKind#PROGRESS} lines. */
        PROGRESS_ONLY
    }

    /** A line without a newline this long is printed anyway, so memory stays bounded. */
    static final int MAX_PENDING_CHARS = 8192;

    private record LineKey(String featureId, int attempt, boolean progress) {
        String prefix() {
            return "[" + featureId + "#" + (attempt == 0 ? "red" : Integer.toString(attempt)) + "] ";
        }
    }

    private final PrintWriter out;
    private final Mode mode;
    private final Map<LineKey, StringBuilder> partialLines = new LinkedHashMap<>();

    public ConsoleSubscriber(PrintWriter out, Mode mode) {
        this.out = Objects.requireNonNull(out);
        this.mode = Objects.requireNonNull(mode);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(Chunk chunk) {
        boolean progress = chunk.kind() == ChunkKind.PROGRESS;
        if (mode == Mode.PROGRESS_ONLY && !progress) {
            return;
        }
        LineKey key = new LineKey(chunk.featureId(), chunk.attempt(), progress);
        StringBuilder pending = partialLines.computeIfAbsent(key, k -> new StringBuilder());
        String text = chunk.text();
        int start = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
            pending.append(text, start, newline);
            printLine(key, pending);
            start = newline + 1;
        }
        pending.append(text, start, text.length());
        if (pending.length() >= MAX_PENDING_CHARS) {
            printLine(key, pending);
        }
        if (pending.length() == 0) {
            partialLines.remove(key);
        }
        out.flush();
    }

    @Override
    public synchronized void onError(Throwable throwable) {
        finish();
    }

    @Override
    public synchronized void onComplete() {
        finish();
    }

    /** Output that ended without a newline is still printed, as a line of its own. */
    private void finish() {
        partialLines.forEach(this::printLine);
        partialLines.clear();
        out.flush();
    }

    private void printLine(LineKey key, StringBuilder line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        out.println(key.prefix() + line.substring(0, end));
        line.setLength(0);
    }
}
