package dev.redyellow.run;

import dev.redyellow.cycle.StepOutput;
import dev.redyellow.exec.OutputSink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every progress message, as "FEATURE: MESSAGE", in order, and the lines RedYellow itself
 * writes into the steps' output (those starting "[redyellow]"), as "FEATURE STEP: LINE"; discards
 * the rest of the output.
 */
final class ProgressRecorder implements StepOutput {
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();

    @Override
    public OutputSink open(String feature, int attempt, String step) {
        return (stream, bytes, offset, length) -> new String(bytes, offset, length, StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("[redyellow]"))
                .forEach(line -> notes.add(feature + " " + step + attempt + ": " + line));
    }

    /** RedYellow's own lines in the steps' output so far (a live view). */
    List<String> notes() {
        return notes;
    }

    @Override
    public void progress(String feature, int attempt, String message) {
        messages.add(feature + ": " + message);
    }

    /** The messages so far (a live view). */
    List<String> messages() {
        return messages;
    }
}
