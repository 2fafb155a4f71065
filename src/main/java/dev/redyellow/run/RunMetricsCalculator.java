package dev.redyellow.run;

import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.graph.FeatureGraph;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Computes a run's figures from what was measured: nothing here is estimated. */
final class RunMetricsCalculator {

    private RunMetricsCalculator() {
    }

    static RunMetrics compute(FeatureGraph graph, List<FeatureOutcome> outcomes, List<TimelineEntry> timeline,
                              double wallSeconds, int workers, int peakConcurrency, CacheFigures cache) {
        Map<String, Double> measured = outcomes.stream()
                .collect(Collectors.toMap(FeatureOutcome::id, FeatureOutcome::seconds, (a, b) -> a));
        double sum = measured.values().stream().mapToDouble(Double::doubleValue).sum();
        double criticalPath = graph.criticalPath(id -> measured.getOrDefault(id, 0.0)).totalSeconds();
        double bound = Math.max(criticalPath, sum / workers);
        double speedup = wallSeconds > 0 ? sum / wallSeconds : 0.0;
        double efficiency = wallSeconds > 0 ? Math.min(1.0, bound / wallSeconds) : 0.0;
        return new RunMetrics(round(wallSeconds), round(sum), round(speedup), round(bound), round(efficiency),
                workers, peakConcurrency, cache, timeline);
    }

    static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

}
