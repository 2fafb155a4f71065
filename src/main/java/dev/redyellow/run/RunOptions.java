package dev.redyellow.run;

import dev.redyellow.cycle.StepOutput;
import dev.redyellow.implement.ManualDecisions;
import java.nio.file.Path;

/**
 * How to run a manifest.
 *
 * @param workers        parallel workers (at least 1)
 * @param runDir         the run's own folder: workspaces and logs go under it
 * @param keepWorkspaces leave every workspace on disk after the run
 * @param decisions      answers manual reviews
 * @param output         receives every step's output
 */
public record RunOptions(int workers, Path runDir, boolean keepWorkspaces, ManualDecisions decisions, StepOutput output) {
    public RunOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
    }
}
