package dev.redyellow.run;

import dev.redyellow.cycle.StepOutput;
import dev.redyellow.exec.OutputSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Discards the steps' output and keeps every progress message, as "FEATURE: MESSAGE", in order. */
final class ProgressRecorder implements StepOutput {
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public OutputSink open(String feature, int attempt, String step) {
        return StepOutput.DISCARD.open(feature, attempt, step);
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
