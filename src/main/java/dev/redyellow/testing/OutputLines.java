package dev.redyellow.testing;

import dev.redyellow.exec.OutputSink;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits a process's output into lines, per stream so the two never interleave inside a line, and
 * feeds them to summary parsers as they arrive. A line longer than {@link #MAX_LINE_BYTES} is cut:
 * summaries are short, and memory must not grow with a runaway line. Output arrives in blocks and is
 * copied a run of bytes at a time (a flood of output must not cost a call per byte): this sits on the
 * thread that reads the test process, beside the live stream and the log file.
 */
final class OutputLines implements OutputSink {

    static final int MAX_LINE_BYTES = 8192;
    private static final Pattern TERMINAL_CODES = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    private final List<SummaryParser> parsers;
    private final LoadFailures loadFailures;
    private final Map<Stream, LineBytes> partial = new EnumMap<>(Stream.class);

    OutputLines(List<SummaryParser> parsers) {
        this(parsers, new LoadFailures());
    }

    /** @param loadFailures sees every line too, to tell a failure to load the tests from failing tests */
    OutputLines(List<SummaryParser> parsers, LoadFailures loadFailures) {
        this.parsers = List.copyOf(parsers);
        this.loadFailures = loadFailures;
        for (Stream stream : Stream.values()) {
            partial.put(stream, new LineBytes());
        }
    }

    @Override
    public synchronized void write(Stream stream, byte[] bytes, int offset, int length) {
        LineBytes line = partial.get(stream);
        int end = offset + length;
        int from = offset;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                line.append(bytes, from, i - from);
                emit(line);
                from = i + 1;
            }
        }
        line.append(bytes, from, end - from);
    }

    /** Passes on the last lines when they had no line terminator. */
    synchronized void finish() {
        partial.values().forEach(this::emit);
    }

    /** What the output said about test files that could not be loaded. */
    synchronized LoadFailures loadFailures() {
        return loadFailures;
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

    /** What the first parser that heard its runner say it was stopped before its tests ended heard. */
    synchronized Optional<String> stopped() {
        return parsers.stream().map(SummaryParser::stopped).flatMap(Optional::stream).findFirst();
    }

    private void emit(LineBytes bytes) {
        String text = bytes.take();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        String line = text.indexOf('\u001B') < 0 ? text : TERMINAL_CODES.matcher(text).replaceAll("");
        for (SummaryParser parser : parsers) {
            parser.accept(line);
        }
        loadFailures.accept(line);
    }

    /** The bytes of one unfinished line, at most {@link #MAX_LINE_BYTES} of them. */
    private static final class LineBytes {
        private byte[] bytes = new byte[128];
        private int length;

        void append(byte[] from, int offset, int count) {
            int kept = Math.min(count, MAX_LINE_BYTES - length);
            if (kept <= 0) {
                return;
            }
            if (length + kept > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(MAX_LINE_BYTES, Math.max(bytes.length * 2, length + kept)));
            }
            System.arraycopy(from, offset, bytes, length, kept);
            length += kept;
        }

        String take() {
            String text = length == 0 ? "" : new String(bytes, 0, length, StandardCharsets.UTF_8);
            length = 0;
            return text;
        }
    }

    /** A summary and the runner it came from. */
    record Recognised(String runner, TestTally tally) {
    }
}
