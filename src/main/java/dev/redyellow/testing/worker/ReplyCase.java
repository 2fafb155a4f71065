package dev.redyellow.testing.worker;

import java.io.IOException;

/**
 * One test's result as the worker saw it, named as the JUnit XML report names it: the class name of
 * the nearest class in the test's ancestry and the test's legacy reporting name.
 */
public record ReplyCase(String className, String legacyName, Status status, String message, long durationMillis) {

    public enum Status { PASSED, FAILED, SKIPPED }

    void writeTo(Payload.Writer out) {
        out.string(className).string(legacyName).number(status.ordinal()).string(message).number(durationMillis);
    }

    static ReplyCase readFrom(Payload.Reader in) throws IOException {
        String className = in.string();
        String legacyName = in.string();
        long status = in.number();
        if (status < 0 || status >= Status.values().length) {
            throw new Frame.CorruptStreamException("bad test status " + status);
        }
        return new ReplyCase(className, legacyName, Status.values()[(int) status], in.string(), in.number());
    }
}
