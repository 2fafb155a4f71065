package dev.redyellow.testing;

import java.util.List;

/**
 * The result of one test: its name (class and method, or the runner's name), status, message, time,
 * and for a test skipped while it ran, where its runner says the skip came from: source locations
 * ({@code path:line}, innermost first) of the code that skipped or aborted it, or none when the runner
 * does not say (a skip the test declares, a runner that names no place).
 */
public record TestCase(String name, Status status, String message, long durationMillis, List<String> skippedAt) {

    public enum Status { PASSED, FAILED, SKIPPED }

    public TestCase {
        message = message == null ? "" : message;
        skippedAt = skippedAt == null ? List.of() : List.copyOf(skippedAt); // null from a result stored before
    }

    public TestCase(String name, Status status, String message, long durationMillis) {
        this(name, status, message, durationMillis, List.of());
    }
}
