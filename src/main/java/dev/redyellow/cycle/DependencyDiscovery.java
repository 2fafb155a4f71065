package dev.redyellow.cycle;

import dev.redyellow.testing.TestResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Says what a failed run's missing code means for its feature (SPEC section 1, "discovered"
 * edges): the feature's own code not written yet, another feature's code that its workspace lacked
 * (the run then records a discovered edge and the feature waits for that feature), or code nobody
 * has written yet. Called on the feature's worker thread.
 */
public interface DependencyDiscovery {

    /** Which run failed: the RED proof (no implementation) or an attempt's. */
    enum Phase { RED, ATTEMPT }

    /** What the missing names of a run mean. */
    sealed interface Finding {
        /** The run's diagnostics name no missing code. */
        record NothingMissing() implements Finding {
        }

        /**
         * Every missing name is the feature's own (it writes it, or nobody does), or written by a
         * dependency whose code the workspace had.
         */
        record Own(List<String> names) implements Finding {
        }

        /** Some missing names are written only by the base, which the workspace had. */
        record Base(List<String> names) implements Finding {
        }

        /** Edges were added: the feature waits until {@code features} are GREEN, then runs again. */
        record Waiting(List<String> features, String reason) implements Finding {
        }

        /**
         * Names that no finished feature has written yet, while others are still unfinished: the
         * feature waits until one of them is accepted and then looks again.
         */
        record AwaitingWriter(List<String> names, String reason) implements Finding {
        }

        /** The feature needs a feature that (transitively) needs it. */
        record Cycle(String path, String reason) implements Finding {
        }
    }

    /** Examines the run of {@code featureId}'s tests that gave {@code result} in {@code workspace}. */
    Finding examine(String featureId, Phase phase, TestResult result, Path workspace);
}
