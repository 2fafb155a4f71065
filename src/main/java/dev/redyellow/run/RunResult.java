package dev.redyellow.run;

import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.manifest.Manifest;
import java.util.List;

/** Everything a finished (or stopped) run produced, features in manifest order. */
public record RunResult(Manifest manifest, List<FeatureOutcome> outcomes, RunMetrics metrics, boolean cancelled) {
    public RunResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean allGreen() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(FeatureOutcome::green);
    }
}
