package dev.redyellow.testing.worker;

import java.io.IOException;
import java.util.List;

/**
 * One test's result as the worker saw it, named as the JUnit XML report names it: the class name of
 * the nearest class in the test's ancestry and the test's legacy reporting name. An aborted test
 * carries where it was aborted ({@link SkipOrigin}); every other one carries no location.
 */
public record ReplyCase(String className, String legacyName, Status status, String message, long durationMillis,
                        List<String> skippedAt) {

    public enum Status { PASSED, FAILED, SKIPPED }

    public ReplyCase {
        skippedAt = List.copyOf(skippedAt);
    }

    public ReplyCase(String className, String legacyName, Status status, String message, long durationMillis) {
        this(className, legacyName, status, message, durationMillis, List.of());
    }

    void writeTo(Payload.Writer out) {
        out.string(className).string(legacyName).number(status.ordinal()).string(message).number(durationMillis)
                .strings(skippedAt);
    }

    static ReplyCase readFrom(Payload.Reader in) throws IOException {
        String className = in.string();
        String legacyName = in.string();
        long status = in.number();
        if (status < 0 || status >= Status.values().length) {
            throw new Frame.CorruptStreamException("bad test status " + status);
        }
        String message = in.string();
        long millis = in.number();
        return new ReplyCase(className, legacyName, Status.values()[(int) status], message, millis, in.strings());
    }
}
