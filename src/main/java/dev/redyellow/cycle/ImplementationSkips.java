package dev.redyellow.cycle;

import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Tests that the implementation skipped. SPEC section 1: aborted and skipped tests never count as passes,
 * and an attempt is YELLOW only when its tests pass. A test that declares a skip ({@code @Disabled}, a
 * skip mark) or that checks its own assumption is the test author's choice; a skip thrown from code an
 * implementer wrote ({@code pytest.skip()} in the implementation, an {@code org.opentest4j.TestAbortedException}
 * or a failed assumption inside it) is a test the attempt dodged. The runner says where each skip came from
 * ({@link TestCase#skippedAt()}: JUnit in both ways of running, pytest through its short summary); this
 * finds the skips whose places are files an implementer wrote: the attempt's or an accepted dependency's
 * code, never a test and never the base.
 */
final class ImplementationSkips {

    /** At most this many skips are named in a reason. */
    static final int MAX_NAMED = 5;

    private ImplementationSkips() {
    }

    /**
     * Why {@code result}'s run does not pass although its outcome says so, or empty when no skipped test
     * came from {@code written} (workspace paths of code an implementer wrote).
     */
    static Optional<String> reason(TestResult result, Collection<String> written) {
        if (result.skipped() == 0 || written.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = new ArrayList<>();
        int count = 0;
        for (TestCase test : result.cases()) {
            if (test.status() != TestCase.Status.SKIPPED) {
                continue;
            }
            Optional<String> place = test.skippedAt().stream().filter(at -> writtenBy(at, written)).findFirst();
            if (place.isPresent()) {
                count++;
                if (named.size() < MAX_NAMED) {
                    String message = test.message().isBlank() ? "" : ": " + oneLine(test.message());
                    named.add(test.name() + " (at " + place.get() + message + ")");
                }
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of("skipped-by-implementation: the implementation's code skipped or aborted tests it has to pass: "
                + String.join("; ", named)
                + (count > named.size() ? "; ..." : ""));
    }

    /** Whether the place ({@code path:line} or {@code path}) is in one of the files. */
    static boolean writtenBy(String place, Collection<String> written) {
        int colon = place.lastIndexOf(':');
        String path = colon > 0 && place.substring(colon + 1).chars().allMatch(Character::isDigit)
                ? place.substring(0, colon) : place;
        String normalized = path.replace('\\', '/');
        if (normalized.startsWith("./")) {
            normalized = normalized.substring(2);
        }
        for (String file : written) {
            // a runner names a place from its own folder, or a Java frame by package folders only
            if (file.equals(normalized) || file.endsWith("/" + normalized) || normalized.endsWith("/" + file)) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() <= 200 ? first : first.substring(0, 200) + "...";
    }
}
