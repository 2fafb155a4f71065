package dev.redyellow.implement;

import dev.redyellow.exec.OutputSink;
import java.nio.charset.StandardCharsets;

/**
 * Writes RedYellow's own notes and streamed model text into an attempt's output, so that the live
 * view and the log file tell what happened next to what the implementer printed.
 */
record Narrator(OutputSink sink) {

    /** A line of our own, marked so it cannot be mistaken for the implementer's output. */
    void note(String line) {
        write(OutputSink.Stream.STDERR, "[redyellow] " + line + "\n");
    }

    /** Text exactly as it arrived (streamed tokens). */
    void text(String text) {
        write(OutputSink.Stream.STDOUT, text);
    }

    private void write(OutputSink.Stream stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sink.write(stream, bytes, 0, bytes.length);
    }
}
