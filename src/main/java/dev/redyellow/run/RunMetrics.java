package dev.redyellow.run;

import java.util.List;

/**
 * The figures of one run (SPEC section 3 "Scheduler" and section 5).
 *
 * @param boundSeconds the physical lower bound max(critical path, sum / workers) of the measured times
 * @param efficiency   bound / wall: 1.0 means no schedule could have been faster
 */
public record RunMetrics(double wallSeconds, double sumFeatureSeconds, double speedup, double boundSeconds,
                         double efficiency, int workers, int peakConcurrency, CacheFigures cache,
                         List<TimelineEntry> timeline) {
    public RunMetrics {
        timeline = List.copyOf(timeline);
    }
}
