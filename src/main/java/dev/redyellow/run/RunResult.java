package dev.redyellow.run;

import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.store.BlobMetrics;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.manifest.Manifest;
import java.util.List;

/**
 * Everything a finished (or stopped) run produced, features in manifest order.
 *
 * @param stopReason why the run was stopped early, or {@code null} when it ran to the end
 * @param edges      every edge of the graph as the run ended: explicit, inferred, discovered
 * @param codeStore  what the run's code store (every attempt's files) held and did
 */
public record RunResult(Manifest manifest, List<FeatureOutcome> outcomes, RunMetrics metrics, boolean cancelled,
                        String stopReason, List<DependencyEdge> edges, BlobMetrics codeStore) {
    public RunResult {
        outcomes = List.copyOf(outcomes);
        edges = List.copyOf(edges);
    }

    public boolean allGreen() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(FeatureOutcome::green);
    }
}
