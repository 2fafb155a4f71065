package dev.redyellow.implement;

import dev.redyellow.exec.OutputSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Passes an agent's output on, showing the lines of a JSON-lines event stream as their text.
 *
 * <p>Only standard output is looked at, and only lines that start with <code>{</code>: every other
 * byte passes through at once, so plain output stays live. A line that starts with <code>{</code>
 * is held until its end; if it is a JSON object that carries text ({@link JsonLineText}) the text is
 * written in its place, otherwise the line is written as it was. The JSON framing of text events is
 * the only thing dropped.
 */
final class ReadableOutput implements OutputSink {
    /** A held line longer than this is not an event line; it is passed on raw. */
    private static final int MAX_LINE = 1 << 20;

    private enum Line { START, RAW, HELD }

    private final OutputSink target;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private Line line = Line.START;
    private boolean midText;

    ReadableOutput(OutputSink target) {
        this.target = target;
    }

    @Override
    public synchronized void write(Stream stream, byte[] bytes, int offset, int length) {
        if (stream == Stream.STDERR) {
            target.write(stream, bytes, offset, length);
            return;
        }
        int rawFrom = offset;
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (line == Line.START) {
                line = b == '{' ? Line.HELD : Line.RAW;
                if (line == Line.HELD) {
                    passRaw(bytes, rawFrom, i);
                }
            }
            if (line == Line.HELD) {
                held.write(b);
                if (b == '\n') {
                    release();
                    rawFrom = i + 1;
                } else if (held.size() > MAX_LINE) {
                    passHeldRaw();
                    line = Line.RAW;
                    rawFrom = i + 1;
                }
            } else if (b == '\n') {
                line = Line.START;
            }
        }
        if (line != Line.HELD) {
            passRaw(bytes, rawFrom, offset + length);
        }
    }

    /** Writes out a last line that had no line break; the target itself stays open. */
    @Override
    public synchronized void close() {
        if (line == Line.HELD) {
            release();
        }
        if (midText) {
            emit("\n");
        }
    }

    private void release() {
        String text = held.toString(StandardCharsets.UTF_8);
        Optional<JsonLineText.Fragment> fragment = JsonLineText.of(text);
        if (fragment.isPresent()) {
            JsonLineText.Fragment f = fragment.get();
            emit(f.text());
            midText = f.partial() && !f.text().endsWith("\n");
            if (!f.partial() && !f.text().endsWith("\n")) {
                emit("\n");
            }
            held.reset();
        } else {
            passHeldRaw();
        }
        line = Line.START;
    }

    private void passHeldRaw() {
        if (midText) {
            emit("\n");
            midText = false;
        }
        byte[] raw = held.toByteArray();
        target.write(Stream.STDOUT, raw, 0, raw.length);
        held.reset();
    }

    private void passRaw(byte[] bytes, int from, int to) {
        if (to > from) {
            if (midText) {
                emit("\n");
                midText = false;
            }
            target.write(Stream.STDOUT, bytes, from, to - from);
        }
    }

    private void emit(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        target.write(Stream.STDOUT, b, 0, b.length);
    }
}
