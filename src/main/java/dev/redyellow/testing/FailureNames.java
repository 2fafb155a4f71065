package dev.redyellow.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The failing tests a summary names, bounded so a run with thousands of failures cannot grow memory
 * without limit; a message can be attached to the latest name when it follows on a later line.
 */
final class FailureNames {

    static final int MAX_NAMES = 500;
    static final int MAX_MESSAGE = 1000;

    private final List<TestCase> cases = new ArrayList<>();

    /** Adds a failing test; false when the bound is reached and the name was dropped. */
    boolean add(String name) {
        if (cases.size() < MAX_NAMES) {
            cases.add(new TestCase(name.strip(), TestCase.Status.FAILED, "", 0));
            return true;
        }
        return false;
    }

    /** Sets the message of the latest name unless it already has one. */
    void describeLatest(String message) {
        if (!cases.isEmpty() && cases.size() <= MAX_NAMES) {
            TestCase last = cases.get(cases.size() - 1);
            if (last.message().isEmpty()) {
                cases.set(cases.size() - 1, new TestCase(last.name(), last.status(), bounded(message), 0));
            }
        }
    }

    void replaceWith(FailureNames other) {
        cases.clear();
        cases.addAll(other.cases);
    }

    boolean isEmpty() {
        return cases.isEmpty();
    }

    List<TestCase> cases() {
        return List.copyOf(cases);
    }

    static String bounded(String message) {
        String stripped = message.strip();
        return stripped.length() <= MAX_MESSAGE ? stripped : stripped.substring(0, MAX_MESSAGE) + "...";
    }
}
