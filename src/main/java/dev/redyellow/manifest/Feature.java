package dev.redyellow.manifest;

import java.util.List;
import java.util.Objects;

/**
 * One feature of a manifest, with its effective settings (the manifest's defaults with the
 * feature's overrides applied) and all referenced files already read.
 *
 * @param tests    the feature's test files, keyed by workspace path
 * @param attempts replayed attempts, in order (may be empty for other implementer kinds)
 * @param provides workspace paths the feature declares it writes (for dependency inference)
 * @param location where the feature object starts in the manifest file
 * @param group    the group the window shows the feature in ({@code ""}: the folder of its test files)
 */
public record Feature(String id, String title, String description, List<String> dependsOn, List<String> provides,
                      TestSettings test, ImplementerSettings implementer, ReviewSettings review,
                      FileSet tests, List<FileSet> attempts, SourceLocation location, String group) {
    public Feature {
        Objects.requireNonNull(id);
        title = title == null ? id : title;
        description = description == null ? "" : description;
        dependsOn = List.copyOf(dependsOn);
        provides = List.copyOf(provides);
        Objects.requireNonNull(test);
        Objects.requireNonNull(implementer);
        Objects.requireNonNull(review);
        Objects.requireNonNull(tests);
        attempts = List.copyOf(attempts);
        group = group == null ? "" : group;
    }

    /** A feature without a {@code group} field. */
    public Feature(String id, String title, String description, List<String> dependsOn, List<String> provides,
                   TestSettings test, ImplementerSettings implementer, ReviewSettings review,
                   FileSet tests, List<FileSet> attempts, SourceLocation location) {
        this(id, title, description, dependsOn, provides, test, implementer, review, tests, attempts, location, "");
    }
}
