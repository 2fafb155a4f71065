package dev.redyellow.testing;

/** The result of one test: its name (class and method, or the runner's name), status, message, time. */
public record TestCase(String name, Status status, String message, long durationMillis) {

    public enum Status { PASSED, FAILED, SKIPPED }

    public TestCase {
        message = message == null ? "" : message;
    }
}
