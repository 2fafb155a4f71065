package dev.redyellow.cycle;

import dev.redyellow.implement.Verdict;
import dev.redyellow.store.StoredFiles;
import dev.redyellow.testing.TestResult;
import java.util.Optional;

/**
 * One attempt of a feature as it happened: the files it produced (empty when the implementer produced
 * none), the test result on them (absent when there was nothing to test), and the review verdict
 * (absent unless its tests passed).
 */
public record AttemptRecord(int attempt, StoredFiles files, Optional<TestResult> result, Optional<Verdict> verdict,
                            String note) {
}
