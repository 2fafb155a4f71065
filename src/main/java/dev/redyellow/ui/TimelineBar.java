package dev.redyellow.ui;

import dev.redyellow.cycle.FeatureState;

/**
 * One feature's stretch on a worker, in seconds from the run's start.
 *
 * @param end   {@code NaN} while the feature still runs
 * @param state its state at the end (or now)
 */
public record TimelineBar(String featureId, int worker, double start, double end, FeatureState state) {

    public boolean running() {
        return Double.isNaN(end);
    }
}
