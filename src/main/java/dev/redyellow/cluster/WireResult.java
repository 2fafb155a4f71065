package dev.redyellow.cluster;

import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.io.Serializable;
import java.util.List;

/**
 * What a member sends back for one test run.
 *
 * @param result       the test result, or null when the member could not run it (see {@code missingBlobs})
 * @param chunks       how many output chunks it published, so the coordinator waits for the last
 * @param missingBlobs blobs the member could not fetch (evicted from the cluster map): publish, send again
 * @param blobsFetched how many blobs it fetched from the cluster (the others it had)
 * @param differing    the inputs of the coordinator's environment that differ on the member (its time zone, a
 *                     variable the tests read, its Java runtime): it ran nothing, its results would not be the
 *                     ones their keys say
 */
record WireResult(Result result, long chunks, List<String> missingBlobs, int blobsFetched, List<String> differing)
        implements Serializable {

    record Case(String name, String status, String message, long durationMillis, List<String> skippedAt)
            implements Serializable {
        Case {
            skippedAt = skippedAt == null ? List.of() : List.copyOf(skippedAt); // null from a member of an older version
        }
    }

    record Result(String outcome, int passed, int failed, int skipped, List<Case> cases, long durationMillis,
                  String detail, String outputTail) implements Serializable {
    }

    WireResult {
        missingBlobs = List.copyOf(missingBlobs);
        differing = differing == null ? List.of() : List.copyOf(differing); // null from a member of an older version
    }

    WireResult(Result result, long chunks, List<String> missingBlobs, int blobsFetched) {
        this(result, chunks, missingBlobs, blobsFetched, List.of());
    }

    /** The member ran nothing: these inputs of the coordinator's environment differ on it. */
    static WireResult differing(List<String> names) {
        return new WireResult(null, 0, List.of(), 0, names);
    }

    static Result of(TestResult r, String memberRoot, String coordinatorRoot) {
        return new Result(r.outcome().name(), r.passed(), r.failed(), r.skipped(), r.cases().stream()
                .map(c -> new Case(c.name(), c.status().name(), c.message(), c.durationMillis(), c.skippedAt())).toList(),
                r.durationMillis(), r.detail().replace(memberRoot, coordinatorRoot),
                r.outputTail().replace(memberRoot, coordinatorRoot));
    }

    TestResult testResult() {
        return new TestResult(TestOutcome.valueOf(result.outcome), result.passed, result.failed, result.skipped,
                result.cases.stream().map(c -> new TestCase(c.name, TestCase.Status.valueOf(c.status), c.message,
                        c.durationMillis, c.skippedAt)).toList(), result.durationMillis, result.detail, result.outputTail);
    }
}
