package dev.redyellow.store;

import java.time.Instant;
import java.util.List;

/**
 * One run of a manifest as the run store keeps it.
 *
 * @param name  the manifest's name, which groups runs of the same project (duration estimates)
 * @param ended null while the run is still going
 */
public record RunRecord(String id, String manifestPath, String name, Instant started, Instant ended,
                        boolean allGreen, double wallSeconds, double speedup, double efficiency, int workers,
                        List<FeatureRecord> features) {
    public RunRecord {
        features = List.copyOf(features);
    }
}
