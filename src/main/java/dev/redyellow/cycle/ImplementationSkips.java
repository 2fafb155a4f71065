package dev.redyellow.cycle;

import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestResult;
import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * Tests that the implementation skipped. SPEC section 1: aborted and skipped tests never count as passes,
 * and an attempt is YELLOW only when its tests pass. A test that declares a skip ({@code @Disabled}, a
 * skip mark) or that checks its own assumption is the test author's choice; a skip thrown from code an
 * implementer wrote ({@code pytest.skip()} in the implementation, an {@code org.opentest4j.TestAbortedException}
 * or a failed assumption inside it) is a test the attempt dodged. The runner says where each skip came from
 * ({@link TestCase#skippedAt()}: JUnit in both ways of running, pytest through RedYellow's plugin, else its
 * short summary or its XML report); the innermost place of the project's code decides, as pytest names only that one: a skip whose
 * innermost place is a file an implementer wrote (the attempt's or an accepted dependency's code, never a
 * test and never the base) is the implementation's. So a test's helper that the implementation calls back
 * (a fake clock of the test's that assumes) stays the test's.
 */
final class ImplementationSkips {

    /** At most this many skips are named in a reason. */
    static final int MAX_NAMED = 5;

    private ImplementationSkips() {
    }

    /**
     * Why {@code result}'s run does not pass although its outcome says so, or empty when no skipped test
     * came from code an implementer wrote.
     *
     * @param writtenPlaces the places by which runners name the files of that code
     *                      ({@link dev.redyellow.testing.worker.SkipOrigin#placeOf})
     */
    static Optional<String> reason(TestResult result, Set<String> writtenPlaces) {
        if (result.skipped() == 0 || writtenPlaces.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = new ArrayList<>();
        int count = 0;
        for (TestCase test : result.cases()) {
            if (test.status() != TestCase.Status.SKIPPED || test.skippedAt().isEmpty()) {
                continue;
            }
            String innermost = test.skippedAt().get(0);
            if (writtenPlaces.contains(pathOf(innermost))) {
                count++;
                if (named.size() < MAX_NAMED) {
                    String message = test.message().isBlank() ? "" : ": " + oneLine(test.message());
                    named.add(test.name() + " (at " + innermost + message + ")");
                }
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of("skipped-by-implementation: the implementation's code skipped or aborted tests it has to pass: "
                + String.join("; ", named) + (count > named.size() ? "; ..." : ""));
    }

    /** The path of a place ({@code path:line} or {@code path}), as the workspace names it. */
    static String pathOf(String place) {
        int colon = place.lastIndexOf(':');
        String path = colon > 0 && colon < place.length() - 1 && place.substring(colon + 1).chars().allMatch(Character::isDigit)
                ? place.substring(0, colon) : place;
        String normalized = path.replace('\\', '/');
        return normalized.startsWith("./") ? normalized.substring(2) : normalized;
    }

    private static String oneLine(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() <= 200 ? first : first.substring(0, 200) + "...";
    }
}
