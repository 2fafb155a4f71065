package dev.redyellow.testing;

/** Builds a run's {@link TestResult} from an outcome and a tally, timing the run from its start. */
final class RunResults {

    private final long startedNanos;

    RunResults(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    TestResult of(TestOutcome outcome, TestTally tally, String detail, String outputTail) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        return new TestResult(outcome, tally.passed(), tally.failed(), tally.skipped(), tally.cases(), millis,
                detail, outputTail);
    }
}
