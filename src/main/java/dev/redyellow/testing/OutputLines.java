package dev.redyellow.testing;

import dev.redyellow.exec.OutputSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits a process's output into lines, per stream so the two never interleave inside a line, and
 * feeds them to summary parsers as they arrive. A line longer than {@link #MAX_LINE_BYTES} is cut:
 * summaries are short, and memory must not grow with a runaway line.
 */
final class OutputLines implements OutputSink {

    static final int MAX_LINE_BYTES = 8192;
    private static final Pattern TERMINAL_CODES = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    private final List<SummaryParser> parsers;
    private final Map<Stream, ByteArrayOutputStream> partial = new EnumMap<>(Stream.class);

    OutputLines(List<SummaryParser> parsers) {
        this.parsers = List.copyOf(parsers);
        for (Stream stream : Stream.values()) {
            partial.put(stream, new ByteArrayOutputStream());
        }
    }

    @Override
    public synchronized void write(Stream stream, byte[] bytes, int offset, int length) {
        ByteArrayOutputStream line = partial.get(stream);
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                emit(line);
            } else if (line.size() < MAX_LINE_BYTES) {
                line.write(b);
            }
        }
    }

    /** Passes on the last lines when they had no line terminator. */
    synchronized void finish() {
        partial.values().forEach(this::emit);
    }

    /** The first parser, in the given order, that recognised its runner's summary. */
    synchronized Optional<Recognised> summary() {
        for (SummaryParser parser : parsers) {
            Optional<TestTally> tally = parser.tally();
            if (tally.isPresent()) {
                return Optional.of(new Recognised(parser.runner(), tally.get()));
            }
        }
        return Optional.empty();
    }

    private void emit(ByteArrayOutputStream bytes) {
        if (bytes.size() == 0) {
            parsers.forEach(p -> p.accept(""));
            return;
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        String line = TERMINAL_CODES.matcher(text).replaceAll("");
        parsers.forEach(p -> p.accept(line));
    }

    /** A summary and the runner it came from. */
    record Recognised(String runner, TestTally tally) {
    }
}
