package dev.redyellow.manifest;

import java.util.List;

/**
 * A feature as read from the manifest, before the checks that need all features (unique ids,
 * known dependencies, no cycles). Keeps the locations those checks report at.
 */
record FeatureDraft(Feature feature, SourceLocation idLocation, List<Dependency> dependsOn) {

    FeatureDraft {
        dependsOn = List.copyOf(dependsOn);
    }

    String id() {
        return feature.id();
    }

    /** One entry of {@code dependsOn} and where it is written. */
    record Dependency(String id, SourceLocation location) {
    }
}
